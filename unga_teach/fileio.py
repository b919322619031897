"""Write a file whole or not at all: :func:`atomic_write_bytes` and :func:`atomic_write_text`.

Every file the package writes for the user (a lesson notebook, ``compare
--csv``, the cache, the future ``solutions`` command) goes through here, so
that:

* a failed write (a full disk, an interrupted process) never leaves a
  cut-off file in place of the old one, and never leaves a half-written file
  that blocks the retry: the bytes go to a temporary file in the same folder
  (``.<name>.<random>.tmp``), which is flushed, synced and then renamed onto
  the target with :func:`os.replace` (atomic on POSIX and Windows when both
  names are on one file system);
* an existing file is replaced only with ``overwrite=True``; without it the
  target is claimed with an exclusive create (``O_CREAT | O_EXCL``), so a
  file created meanwhile by someone else is never replaced either;
* a symbolic link at the target (even a dangling one) is refused unless
  ``follow_symlinks=True``: the link is then resolved and its target is
  written (the link itself stays);
* a target that is a folder, whose folder is missing or is not a folder,
  gives an :class:`OutputPathError` that says which.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> atomic_write_text(folder / "a.txt", "one\\n", overwrite=False).name
'a.txt'
>>> atomic_write_text(folder / "a.txt", "two\\n", overwrite=False)
Traceback (most recent call last):
...
unga_teach.fileio.OutputPathError: ...a.txt already exists; ...
>>> _ = atomic_write_text(folder / "a.txt", "two\\n", overwrite=True)
>>> (folder / "a.txt").read_text()
'two\\n'
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from os import PathLike
from pathlib import Path

from .errors import UngaTeachError

__all__ = ["OutputPathError", "atomic_write_bytes", "atomic_write_text", "check_output_path"]


class OutputPathError(UngaTeachError):
    """A file cannot be written where asked (exists, a folder, a link, no folder, full disk)."""


def check_output_path(path: str | PathLike[str], *, overwrite: bool = False,
                      follow_symlinks: bool = False, what: str = "file") -> Path:
    """Check that ``path`` can be written as a new (or, with ``overwrite``, replaced) file.

    Parameters
    ----------
    path : str or path-like
        The file to write.
    overwrite : bool, default False
        Accept an existing regular file (it will be replaced).
    follow_symlinks : bool, default False
        Accept a symbolic link (its target is written); refused otherwise,
        even when it dangles.
    what : str, default "file"
        How messages name the file (``"lesson"``, ``"CSV file"``).

    Returns
    -------
    pathlib.Path
        The path to write (the link's target when a link is followed).

    Raises
    ------
    OutputPathError
        An empty path, a folder, a link (unless followed), an existing file
        (unless ``overwrite``), a special file (a device, a pipe), or a
        parent folder that is missing or is a file.

    Examples
    --------
    >>> check_output_path("")
    Traceback (most recent call last):
    ...
    unga_teach.fileio.OutputPathError: the output path is empty: give a file name.
    """
    text = os.fspath(path)
    if not str(text).strip():
        raise OutputPathError("the output path is empty: give a file name.")
    p = Path(text).expanduser()
    try:
        if p.is_symlink():
            if not follow_symlinks:
                raise OutputPathError(
                    f"{p} is a symbolic link (to {os.readlink(p)}); refusing to write through "
                    "it. Give the real path, or force it (--force / overwrite=True).")
            p = p.resolve()
        if p.is_dir():
            raise OutputPathError(f"{p} is a folder; give the path of a {what} inside it "
                                  "(--force cannot replace a folder).")
        if p.exists():
            if not p.is_file():
                raise OutputPathError(f"{p} exists and is not a regular file (a device or a "
                                      "pipe); choose another path.")
            if not overwrite:
                raise OutputPathError(f"{p} already exists; choose another path or replace "
                                      "it (overwrite=True, or --force on the command line).")
        parent = p.parent
        if parent.exists() and not parent.is_dir():
            raise OutputPathError(f"cannot write {p}: {parent} is a file, not a folder.")
        if not parent.exists():
            raise OutputPathError(f"cannot write {p}: the folder {parent} does not exist; "
                                  "create it first.")
    except OSError as exc:
        raise OutputPathError(f"cannot write {p}: {exc.strerror or exc}") from None
    return p


def atomic_write_bytes(path: str | PathLike[str], data: bytes, *, overwrite: bool,
                       follow_symlinks: bool = False, what: str = "file") -> Path:
    """Write ``data`` to ``path`` whole or not at all; return the path written.

    The data goes to a temporary file in the same folder, is flushed and
    synced, then renamed onto ``path`` (:func:`os.replace`); a replaced file
    keeps its permissions. On any failure the temporary file is removed, an
    existing file at ``path`` is left as it was, and no placeholder is left
    behind (the retry needs no ``overwrite``).

    Parameters
    ----------
    path : str or path-like
        The file to write. Its folder must exist.
    data : bytes
        The whole content.
    overwrite : bool
        Replace an existing file. Without it the name is claimed with an
        exclusive create first, so an existing file (or one created
        meanwhile) is never replaced.
    follow_symlinks : bool, default False
        Write through a symbolic link at ``path`` (to its target); refused
        otherwise.
    what : str, default "file"
        How messages name the file.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    OutputPathError
        See :func:`check_output_path`, plus a write that failed (a full disk,
        no permission), with the reason.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "b.bin"
    >>> atomic_write_bytes(p, b"\\x00\\x01", overwrite=False).read_bytes()
    b'\\x00\\x01'
    """
    target = check_output_path(path, overwrite=overwrite, follow_symlinks=follow_symlinks,
                               what=what)
    claimed = False
    if not overwrite:
        try:  # claim the name: fails if anything (a file, a link) appeared meanwhile
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            os.close(fd)
            claimed = True
        except FileExistsError:
            raise OutputPathError(f"{target} already exists; choose another path or replace "
                                  "it (overwrite=True, or --force on the command line).") from None
        except OSError as exc:
            raise OutputPathError(f"cannot write {target}: {exc.strerror or exc}") from None
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            with contextlib.suppress(OSError):
                os.fsync(fh.fileno())
        if overwrite:  # a replaced file keeps its permissions
            with contextlib.suppress(OSError):
                os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if claimed:  # the empty placeholder must not block the retry
            with contextlib.suppress(OSError):
                target.unlink(missing_ok=True)
        raise OutputPathError(f"cannot write {target}: {exc.strerror or exc}; nothing was "
                              "written.") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if claimed:
            with contextlib.suppress(OSError):
                target.unlink(missing_ok=True)
        raise
    return target


def atomic_write_text(path: str | PathLike[str], text: str, *, overwrite: bool,
                      follow_symlinks: bool = False, what: str = "file",
                      encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` whole or not at all (see :func:`atomic_write_bytes`).

    The text is encoded (UTF-8 by default; a lone surrogate is written as
    ``?`` rather than failing) and written with :func:`atomic_write_bytes`,
    so it takes the same ``overwrite`` and ``follow_symlinks`` and raises the
    same :class:`OutputPathError`. Newlines are written as
    given (no translation).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> atomic_write_text(p, "a,b\\n1,2\\n", overwrite=False).read_text()
    'a,b\\n1,2\\n'
    """
    return atomic_write_bytes(path, text.encode(encoding, errors="replace"),
                              overwrite=overwrite, follow_symlinks=follow_symlinks, what=what)
