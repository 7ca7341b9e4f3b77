# SPDX-License-Identifier: MIT
"""A small cache of what the driver asks Clang before the first unit (the
checkers the plugin registers), kept between runs so that a run starts no
probe process when neither binary changed.

Where: $XDG_CACHE_HOME/iosafe/ (default ~/.cache/iosafe/, the XDG Base
Directory Specification), file probes-v1.json.  Each entry is keyed by the
files it was asked of, each by real path, device, inode, size, mtime and
ctime (os.stat): a rebuilt, replaced or touched plugin or clang is a new
key, so a stale entry is never used.

The cache is a hint, never trusted blindly:
- a file that cannot be read, is larger than MAX_BYTES, is not the JSON
  shape written here, or an entry whose value is not what the probe would
  give (a list of checker names, iosafe.Name) is ignored: the probe runs
  and its answer replaces the entry;
- a directory that is not ours (another owner, or writable by group or
  others) is not used at all;
- writers never leave a partial file: each writes a temporary file in the
  same directory and renames it over the old one (rename(2) is atomic), so
  concurrent runs see one complete file or the other; the last writer wins
  and a lost entry is asked again next time.
Every failure to read or write the cache is silent: the run goes on as if
there were none.  IOSAFE_NO_CACHE=1 turns it off.
"""

import json
import os
import re
import stat
import tempfile

NAME = "probes-v1.json"
MAX_BYTES = 1 << 20
MAX_ENTRIES = 32
_CHECKER = re.compile(r"iosafe\.[A-Za-z][A-Za-z0-9]*\Z")


def directory():
    """The cache directory, or None when caching is off or HOME is unknown."""
    if os.environ.get("IOSAFE_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):  # the specification: relative paths are invalid
        home = os.environ.get("HOME")
        if not home or not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "iosafe")


def file_key(path):
    """What identifies a version of the file at path; None when it cannot be
    stat'ed."""
    try:
        real = os.path.realpath(path)
        st = os.stat(real)
    except (OSError, ValueError):
        return None
    return [real, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def _own_dir(d):
    try:
        st = os.lstat(d)
    except OSError:
        return False
    return (stat.S_ISDIR(st.st_mode) and st.st_uid == os.geteuid() and
            not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _read(d):
    try:
        fd = os.open(os.path.join(d, NAME), os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return {}
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return {}
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_BYTES + 1)
    except OSError:
        return {}
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        return {}
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}
    if not isinstance(doc, dict) or doc.get("version") != 1:
        return {}
    entries = doc.get("entries")
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(k, str)}


def _key(kind, files):
    keys = [file_key(f) for f in files]
    if any(k is None for k in keys):
        return None
    return json.dumps([kind] + keys)


def get_checkers(files):
    """The cached checker list for these files (clang, plugin), or None."""
    d = directory()
    key = _key("checkers", files)
    if d is None or key is None or not _own_dir(d):
        return None
    value = _read(d).get(key)
    if (isinstance(value, list) and value and
            all(isinstance(v, str) and _CHECKER.match(v) for v in value)):
        return set(value)
    return None


def put_checkers(files, names):
    """Records the checker list; silent when the cache cannot be written."""
    d = directory()
    key = _key("checkers", files)
    if d is None or key is None:
        return
    try:
        os.makedirs(d, mode=0o700, exist_ok=True)
    except OSError:
        return
    if not _own_dir(d):
        return
    entries = _read(d)
    entries.pop(key, None)
    entries[key] = sorted(names)
    while len(entries) > MAX_ENTRIES:  # the oldest first (dicts keep their order)
        entries.pop(next(iter(entries)))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".probes-", dir=d)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"version": 1, "entries": entries}, f)
        os.replace(tmp, os.path.join(d, NAME))
        tmp = None
    except OSError:
        pass
    finally:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
