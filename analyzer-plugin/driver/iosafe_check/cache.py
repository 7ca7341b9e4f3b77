# SPDX-License-Identifier: MIT
"""A small cache, kept between runs, of what every run would otherwise redo
before its first unit: the checkers the plugin registers (so that a run
starts no probe process when neither binary changed), and the bytecode of
scan-build-py (libscanbuild), whose sources are installed without it in a
directory Python cannot write (/usr/lib/llvm-19/lib), so Python compiled
them on every run (about 12 ms of CPU).

Where: $XDG_CACHE_HOME/iosafe/ (default ~/.cache/iosafe/, the XDG Base
Directory Specification): probes-v1.json, and bytecode/<cache tag>/ with
one file per module source.  Each probe entry is keyed by the files it was
asked of, each by real path, device, inode, size, mtime and ctime
(os.stat): a rebuilt, replaced or touched plugin or clang is a new key, so
a stale entry is never used.  A bytecode file holds the SHA-256 of the
source it was compiled from and of its own body: it is used only for that
exact source text (any other source, even of the same size and mtime, is
compiled again) and only when its body is intact.

The cache is a hint, never trusted blindly:
- a file that cannot be read, is larger than MAX_BYTES, is not the JSON
  shape written here, or an entry whose value is not what the probe would
  give (a list of checker names, iosafe.Name) is ignored: the probe runs
  and its answer replaces the entry;
- a directory that is not ours (another owner, or writable by group or
  others) is not used at all: what is in it is as trusted as the user's
  own files, no more;
- writers never leave a partial file: each writes a temporary file in the
  same directory and renames it over the old one (rename(2) is atomic), so
  concurrent runs see one complete file or the other; the last writer wins
  and a lost entry is asked again next time.
Every failure to read or write the cache is silent: the run goes on as if
there were none.  IOSAFE_NO_CACHE=1 turns it off.
"""

import hashlib
import importlib.machinery
import importlib.util
import json
import marshal
import os
import re
import stat
import sys
import tempfile
import types

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


def _read_file(path, limit):
    """The bytes of a regular file (not followed through a symbolic link),
    None when it cannot be read or is larger than limit."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= limit else None


def _write_file(d, name, data):
    """Writes d/name whole or not at all (a temporary file renamed over it)."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=d)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, os.path.join(d, name))
        tmp = None
    except OSError:
        pass
    finally:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _writable_dir(d):
    """Makes d (mode 0700) when missing; True when it is ours to use."""
    try:
        os.makedirs(d, mode=0o700, exist_ok=True)
    except OSError:
        return False
    return _own_dir(d)


def _read(d):
    data = _read_file(os.path.join(d, NAME), MAX_BYTES)
    if data is None:
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
    if d is None or key is None or not _writable_dir(d):
        return
    entries = _read(d)
    entries.pop(key, None)
    entries[key] = sorted(names)
    while len(entries) > MAX_ENTRIES:  # the oldest first (dicts keep their order)
        entries.pop(next(iter(entries)))
    _write_file(d, NAME, json.dumps({"version": 1, "entries": entries}).encode("utf-8"))


# ---- Bytecode -------------------------------------------------------------

PYC_MAGIC = b"iosafe-pyc-1\n" + importlib.util.MAGIC_NUMBER
PYC_MAX = 16 << 20


def _pyc_name(path):
    return hashlib.sha256(os.path.realpath(path).encode("utf-8", "surrogateescape") + b"\0" +
                          path.encode("utf-8", "surrogateescape")).hexdigest()[:40] + ".pyc"


def load_code(pycdir, path, source):
    """The code object cached for this source text of path, or None."""
    if pycdir is None:
        return None
    data = _read_file(os.path.join(pycdir, _pyc_name(path)), PYC_MAX)
    n = len(PYC_MAGIC)
    if not data or len(data) < n + 64 or data[:n] != PYC_MAGIC:
        return None
    src_hash, body_hash, body = data[n:n + 32], data[n + 32:n + 64], data[n + 64:]
    if src_hash != hashlib.sha256(source).digest() or body_hash != hashlib.sha256(body).digest():
        return None
    try:
        code = marshal.loads(body)
    except Exception:  # not marshal data after all
        return None
    if not isinstance(code, types.CodeType) or code.co_filename != path:
        return None
    return code


def store_code(pycdir, path, source, code):
    if pycdir is None or not _writable_dir(pycdir):
        return
    body = marshal.dumps(code)
    _write_file(pycdir, _pyc_name(path), PYC_MAGIC + hashlib.sha256(source).digest() +
                hashlib.sha256(body).digest() + body)


def bytecode_dir():
    d = directory()
    for sub in ("", "bytecode", sys.implementation.cache_tag or "none"):
        d = d and os.path.join(d, sub) if sub else d
        if d is None or not _writable_dir(d):
            return None
    return d


class _CachedLoader(importlib.machinery.SourceFileLoader):
    """A source loader that keeps its bytecode in the cache directory
    instead of __pycache__ beside the source."""

    pycdir = None

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        source = self.get_data(path)
        code = load_code(self.pycdir, path, source)
        if code is None:
            code = self.source_to_code(source, path)
            store_code(self.pycdir, path, source, code)
        return code


class _CachedFinder:
    """Finds the modules of the named top-level packages as the path finder
    does, and loads their sources through _CachedLoader."""

    def __init__(self, names, pycdir):
        self.names, self.pycdir = set(names), pycdir

    def find_spec(self, fullname, path=None, target=None):
        if fullname.partition(".")[0] not in self.names:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or type(spec.loader) is not importlib.machinery.SourceFileLoader:
            return spec
        loader = _CachedLoader(fullname, spec.origin)
        loader.pycdir = self.pycdir
        spec.loader = loader
        spec.cached = None
        return spec


def cache_bytecode_of(names):
    """From now on the modules of the top-level packages names are loaded
    with their bytecode kept in the cache (nothing changes when the cache
    is off or cannot be used)."""
    pycdir = bytecode_dir()
    if pycdir is not None and not any(isinstance(f, _CachedFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _CachedFinder(names, pycdir))
