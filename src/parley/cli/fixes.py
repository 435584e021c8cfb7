"""``parley fix``: correct or reject any fact; corrections are kept with who, when and why, and
survive re-ingestion.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from parley.cli.common import DbOpt, JsonOpt, err, open_kb, out, print_json

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


def _split(items: list[str] | None, opt: str) -> list[tuple[str, str]]:
    pairs = []
    for item in items or []:
        if "=" not in item:
            err.print(f"[red]error:[/red] {opt} takes FIELD=VALUE, not {item!r}")
            raise typer.Exit(2)
        f, v = item.split("=", 1)
        pairs.append((f.strip(), v.strip()))
    return pairs


def _fix(target: str, key: str, set_: list[str] | None, add: list[str] | None, remove: list[str] | None,
         reject: bool, accept: bool, accept_field: str | None, why: str, by: str | None, db: str | None,
         as_json: bool) -> None:
    from parley.store.corrections import CorrectionSpec, add_corrections

    todo: list[tuple[str, str | None, str | None]] = []
    todo += [("edit", f, v) for f, v in _split(set_, "--set")]
    todo += [("add", f, v) for f, v in _split(add, "--add")]
    todo += [("remove", f, v) for f, v in _split(remove, "--remove")]
    if reject:
        todo.append(("reject", None, None))
    if accept or accept_field:
        todo.append(("accept", accept_field, None))
    if not todo:
        err.print("[red]error:[/red] nothing to do: give --set, --add, --remove, --reject or --accept")
        raise typer.Exit(2)
    with open_kb(db) as store:
        # All of one command's corrections, and the blocks they change, in one transaction.
        made = add_corrections(store, [CorrectionSpec(target, key, action, f, v) for action, f, v in todo],
                               author=by, reason=why)
    if as_json:
        print_json(made)
        return
    for c in made:
        what = f"{c.action} {c.field or ''}".strip() + (f" = {c.new_value!r}" if c.action in ("edit", "add", "remove")
                                                         else "")
        err.print(escape(f"correction {c.id}: {c.target_kind} {c.target_key}: {what} (by {c.author}) [{c.status}]"))


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
    command.__doc__ = f"Correct a {target}" + (
        " as one document reported it (before it is merged with other reports)." if target == "fact"
        else " of the consolidated record.")
    return command


for _target in ("meeting", "person", "agreement", "statement", "fact"):
    fix_app.command(_target)(_fix_command(_target))


@fix_app.command("list")
def fix_list(db: DbOpt = None,
             target: Annotated[str | None, typer.Option(help="Only corrections of this kind of target.")] = None,
             as_json: JsonOpt = False) -> None:
    """Every correction ever made, with whether it still applies."""
    from parley.store.judgements import list_corrections

    with open_kb(db) as store, store.connect() as conn:
        rows = list_corrections(conn, target_kind=target)
    if as_json:
        print_json(rows)
        return
    table = Table("id", "when", "who", "target", "action", "value", "why", "status", title=f"{len(rows)} correction(s)")
    for c in rows:
        value = "" if c.action in ("accept", "reject", "revert") else f"{c.field} = {c.new_value!r}"
        if c.action == "revert":
            value = f"reverts {c.reverts}"
        table.add_row(str(c.id), c.created_at, c.author, f"{c.target_kind} {c.target_key}", c.action, value, c.reason,
                      c.status)
    out.print(table)


@fix_app.command("revert")
def fix_revert(correction_id: Annotated[int, typer.Argument(help="The correction's id (`parley fix list`).")],
               why: WhyOpt, by: ByOpt = None, db: DbOpt = None) -> None:
    """Undo a correction (a revert record is added; nothing is deleted)."""
    from parley.store.corrections import revert_correction

    with open_kb(db) as store:
        c = revert_correction(store, correction_id, author=by, reason=why)
    err.print(f"correction {c.id} reverts {c.reverts}")
