"""``parley fix``: correct or reject any fact; corrections are kept with who, when and why, and
survive re-ingestion.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from parley.cli.common import DbOpt, JsonOpt, err, open_kb, print_json
from parley.cli.listing import Format, FormatOpt, emit, key, short, text

fix_app = typer.Typer(help="Correct or reject any fact; corrections are kept with who, when and why, and "
                           "survive re-ingestion.", no_args_is_help=True)


SetOpt = Annotated[list[str] | None, typer.Option("--set", help="FIELD=VALUE (repeatable); VALUE null clears it.")]


AddOpt = Annotated[list[str] | None, typer.Option("--add", help="FIELD=VALUE for a list field (states, persons ...).")]


RemoveOpt = Annotated[list[str] | None, typer.Option("--remove", help="FIELD=VALUE to take out of a list field.")]


RejectOpt = Annotated[bool, typer.Option("--reject", help="This is wrong: hide it from the record.")]


AcceptOpt = Annotated[bool, typer.Option("--accept", help="Checked and right (settles its flags).")]


AcceptFieldOpt = Annotated[str | None, typer.Option("--accept-field", help="Accept only this field's chosen value.")]


WhyOpt = Annotated[str, typer.Option("--why", help="Why: kept with the correction.")]


ByOpt = Annotated[str | None, typer.Option("--by", help="Who [default: $PARLEY_USER or the login name].")]


SameAsOpt = Annotated[str | None, typer.Option("--same-as", metavar="OTHER",
                                               help="Another record's key: the two are one (merged for good).")]


NotSameAsOpt = Annotated[str | None, typer.Option(
    "--not-same-as", metavar="OTHER",
    help="Another record's key: the two are different (kept apart for good); or, when this record holds both, "
         "the other's reports (comma-separated document ids, unique prefixes or names).")]


SplitOpt = Annotated[list[str] | None, typer.Option(
    "--split", metavar="DOCS",
    help="One group of reports (comma-separated document ids, unique prefixes or names), repeated for each "
         "group: each becomes its own record; reports not listed stay with the first group.")]


def describe(action: str, field: str | None, value: object) -> str:
    """A correction's change in a few words, as `parley fix` and `parley fix list` print it."""
    if action == "same_as":
        return f"same as {value}"
    if action == "not_same_as":
        return f"not the same as {value}" if isinstance(value, str) else \
            f"not the same as the reports {', '.join(str(d)[:12] for d in value or [])}"
    if action == "split":
        return "split into " + " | ".join(", ".join(str(d)[:12] for d in g) for g in value or [])
    if action in ("edit", "add", "remove"):
        return f"{action} {field} = {value!r}"
    return f"{action} {field or ''}".strip()


def _split(items: list[str] | None, opt: str) -> list[tuple[str, str]]:
    pairs = []
    for item in items or []:
        if "=" not in item:
            err.print(f"[red]error:[/red] {opt} takes FIELD=VALUE, not {escape(repr(item))}")
            raise typer.Exit(2)
        f, v = item.split("=", 1)
        pairs.append((f.strip(), v.strip()))
    return pairs


def _fix(target: str, key: str, set_: list[str] | None, add: list[str] | None, remove: list[str] | None,
         reject: bool, accept: bool, accept_field: str | None, why: str, by: str | None, db: str | None,
         as_json: bool, same_as: str | None = None, not_same_as: str | None = None,
         split: list[str] | None = None) -> None:
    from parley.store.corrections import CorrectionSpec, add_corrections

    todo: list[tuple[str, str | None, object]] = []
    todo += [("edit", f, v) for f, v in _split(set_, "--set")]
    todo += [("add", f, v) for f, v in _split(add, "--add")]
    todo += [("remove", f, v) for f, v in _split(remove, "--remove")]
    if reject:
        todo.append(("reject", None, None))
    if accept or accept_field:
        todo.append(("accept", accept_field, None))
    if same_as:
        todo.append(("same_as", None, same_as))
    if not_same_as:
        todo.append(("not_same_as", None, not_same_as))
    if split:
        todo.append(("split", None, list(split)))
    if not todo:
        more = ", --same-as, --not-same-as, --split" if target in ("meeting", "person") else ""
        err.print(f"[red]error:[/red] nothing to do: give --set, --add, --remove, --reject, --accept{more}")
        raise typer.Exit(2)
    with open_kb(db) as store:
        # All of one command's corrections, and the blocks they change, in one transaction.
        made = add_corrections(store, [CorrectionSpec(target, key, action, f, v) for action, f, v in todo],
                               author=by, reason=why)
    if as_json:
        print_json(made)
        return
    for c in made:
        what = describe(c.action, c.field, c.new_value)
        # emoji=False: a person key (ivanov:a) followed by ":" reads as an emoji code to rich.
        err.print(escape(f"correction {c.id}: {c.target_kind} {c.target_key}: {what} (by {c.author}) [{c.status}]"),
                  emoji=False)



def _a(noun: str) -> str:
    """The noun with its indefinite article: "a meeting", "an agreement"."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _fix_command(target: str):
    def command(
        key: str,
        why: WhyOpt,
        set_: SetOpt = None, add: AddOpt = None, remove: RemoveOpt = None, reject: RejectOpt = False,
        accept: AcceptOpt = False, accept_field: AcceptFieldOpt = None, by: ByOpt = None, db: DbOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        _fix(target, key, set_, add, remove, reject, accept, accept_field, why, by, db, as_json)

    # Set as an object, not a string: the help text depends on the target (annotations are lazy here).
    key_help = f"The {target}'s key" + (
        " as DOCUMENT_ID:KIND:INDEX (an item of one document's extraction record)" if target == "fact" else "") + "."
    command.__annotations__["key"] = Annotated[str, typer.Argument(help=key_help)]
    command.__doc__ = f"Correct {_a(target)}" + (
        " as one document reported it (before it is merged with other reports)." if target == "fact"
        else " of the consolidated record.")
    return command


def _judge_command(target: str):
    """A meeting's or a person's correction, identity judgements included."""
    def command(
        key: str,
        why: WhyOpt,
        set_: SetOpt = None, add: AddOpt = None, remove: RemoveOpt = None, reject: RejectOpt = False,
        accept: AcceptOpt = False, accept_field: AcceptFieldOpt = None, same_as: SameAsOpt = None,
        not_same_as: NotSameAsOpt = None, split: SplitOpt = None, by: ByOpt = None, db: DbOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        _fix(target, key, set_, add, remove, reject, accept, accept_field, why, by, db, as_json, same_as,
             not_same_as, split)

    command.__annotations__["key"] = Annotated[str, typer.Argument(help=f"The {target}'s key.")]
    command.__doc__ = (f"Correct {_a(target)} of the consolidated record, or judge its identity: the same as "
                       "another, not the same, or several to split; judgements hold through re-ingestion.")
    return command


for _target in ("meeting", "person"):
    fix_app.command(_target)(_judge_command(_target))
for _target in ("agreement", "statement", "fact"):
    fix_app.command(_target)(_fix_command(_target))


@fix_app.command("list")
def fix_list(db: DbOpt = None,
             target: Annotated[str | None, typer.Option(help="Only corrections of this kind of target.")] = None,
             as_json: JsonOpt = False, fmt: FormatOpt = Format.table) -> None:
    """Every correction ever made, with whether it still applies."""
    from parley.store.judgements import list_corrections

    with open_kb(db) as store, store.connect() as conn:
        rows = list_corrections(conn, target_kind=target)
    if as_json:
        print_json(rows)
        return
    emit(f"{len(rows)} correction(s)",
         [short("id"), short("when", drop=5), short("who", drop=4), short("target"), key("key"), short("action"),
          text("value", drop=2), text("why", drop=1), short("status", drop=3)],
         [(str(c.id), c.created_at, c.author, c.target_kind, c.target_key, c.action,
           f"reverts {c.reverts}" if c.action == "revert" else "" if c.action in ("accept", "reject")
           else describe(c.action, c.field, c.new_value), c.reason, c.status) for c in rows], fmt)


@fix_app.command("revert")
def fix_revert(correction_id: Annotated[int, typer.Argument(help="The correction's id (`parley fix list`).")],
               why: WhyOpt, by: ByOpt = None, db: DbOpt = None) -> None:
    """Undo a correction (a revert record is added; nothing is deleted)."""
    from parley.store.corrections import revert_correction

    with open_kb(db) as store:
        c = revert_correction(store, correction_id, author=by, reason=why)
    err.print(f"correction {c.id} reverts {c.reverts}")
