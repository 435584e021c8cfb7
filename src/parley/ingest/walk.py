"""The one directory walk of the package: which files under a folder are read, and why the others are not.

Both readers (``parley extract``, parley.ingest.readers) and the knowledge base's ingest
(parley.store.ingest) walk folders through :func:`walk`, so they agree on what a folder holds.

- Depth first, entries in name order; hidden names (a leading ".") are skipped silently,
  as version-control and editor folders are.
- Symbolic links are followed, to files and to directories alike (a corpus is often
  assembled from links). Every directory entered is remembered by ``(st_dev, st_ino)``: a
  link back to a directory that is being walked (a loop) is a failure, a second way into a
  directory already walked is a notice, so no file is read twice and no walk runs forever.
- Nothing raises: broken links, loops, unreadable files and directories become a
  Failure naming the path and what to do; files that are not reports (README,
  LICENSE, ...) or not in a format Parley reads become notices (``fatal=False``), which
  the commands print but do not count as failures.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Collection, Iterator
from pathlib import Path

from parley.errors import Failure

# Project files that sit next to reports (examples/README.md) but are not reports.
# Only a directory walk skips them: a file named on the command line is read.
_PROJECT_FILE = re.compile(r"^(?:readme|licen[cs]e|changelog|contributing)", re.IGNORECASE)

# Document formats people hand us that Parley cannot read: a failure, since the user
# probably meant them to be read, and converting them is what makes that possible.
CONVERT_FIRST = {
    ".pdf": "PDF document",
    ".doc": "Word document",
    ".docx": "Word document",
    ".odt": "OpenDocument text",
    ".rtf": "RTF document",
    ".epub": "EPUB book",
    ".pages": "Pages document",
}

_DirKey = tuple[int, int]


def walk(directory: str, suffixes: Collection[str], *, documents: bool = True) -> Iterator[str | Failure]:
    """The readable files under ``directory`` (those whose lower-cased suffix is in ``suffixes``),
    and a Failure for every entry that is not read.

    With ``documents`` False (a walk for extraction records only) the formats of CONVERT_FIRST
    are notices like any other unread suffix: converting them would not make them records.
    """
    try:
        info = os.stat(directory)
    except OSError as error:
        yield Failure(directory, os_reason(error))
        return
    key = (info.st_dev, info.st_ino)
    yield from _walk(directory, frozenset(suffixes), documents, {key: directory}, {key: directory})


def _walk(
    directory: str,
    suffixes: frozenset[str],
    documents: bool,
    ancestors: dict[_DirKey, str],
    seen: dict[_DirKey, str],
) -> Iterator[str | Failure]:
    try:
        with os.scandir(directory) as scan:
            names = sorted(entry.name for entry in scan)
    except OSError as error:
        yield Failure(directory, f"cannot list directory: {os_reason(error)}")
        return
    for name in names:
        if name.startswith("."):
            continue
        path = os.path.join(directory, name)
        try:
            info = os.stat(path)  # follows links: a link is judged by what it points to
        except OSError as error:
            yield Failure(path, stat_reason(path, error))
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield Failure(
                    path,
                    f"symbolic link loop: it leads back to {ancestors[key]}, which contains it - "
                    "remove the link or point it elsewhere",
                )
            elif key in seen:
                yield Failure(path, f"same directory as {seen[key]}, which is read already", fatal=False)
            else:
                seen[key] = path
                ancestors[key] = path
                yield from _walk(path, suffixes, documents, ancestors, seen)
                del ancestors[key]
        elif stat.S_ISREG(info.st_mode):
            yield _file(path, name, suffixes, documents)
        else:
            # Opening a named pipe would block the whole batch.
            yield Failure(path, "not a regular file (a pipe, socket or device)", fatal=False)


def _file(path: str, name: str, suffixes: frozenset[str], documents: bool) -> str | Failure:
    if _PROJECT_FILE.match(name):
        return Failure(
            path,
            "a project file (README, LICENSE, CHANGELOG, CONTRIBUTING), not a report - "
            "name it on the command line to read it anyway",
            fatal=False,
        )
    suffix = file_suffix(name)
    if suffix in suffixes:
        if not os.access(path, os.R_OK):
            return Failure(path, os_reason(PermissionError(errno.EACCES, "Permission denied", path)))
        return path
    if documents and suffix in CONVERT_FIRST:
        return Failure(
            path, f"{CONVERT_FIRST[suffix]} ({suffix}), which Parley cannot read - convert it to text or HTML first"
        )
    what = f"{suffix} files" if suffix else "files without a suffix"
    return Failure(
        path, f"Parley does not read {what} in a directory (it reads {', '.join(sorted(suffixes))})", fatal=False
    )


def file_suffix(name: str) -> str:
    """The lower-cased suffix a file's format is told by; a compressed file's takes in the format
    under the compression (".warc.gz", ".jsonl.gz")."""
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix == ".gz" and path.stem != Path(path.stem).stem:
        return Path(path.stem).suffix.lower() + suffix
    return suffix


def stat_reason(path: str, error: OSError) -> str:
    """Why ``os.stat(path)`` failed: a link is described as one (loop, broken), anything else by os_reason."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself) - remove the link or point it elsewhere"
    if os.path.islink(path) and isinstance(error, FileNotFoundError):
        try:
            target = os.readlink(path)
        except OSError:
            target = "its target"
        return f"broken symbolic link ({target} does not exist) - fix or remove the link"
    return os_reason(error)


def os_reason(error: OSError) -> str:
    """What went wrong opening a path, and what to do about it, in the user's words."""
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "permission denied - check the file's read permissions"
    if error.errno == errno.ELOOP:
        return "symbolic link loop - remove the link or point it elsewhere"
    return f"cannot read it: {error.strerror or error}"
