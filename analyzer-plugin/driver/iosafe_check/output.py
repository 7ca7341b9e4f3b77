# SPDX-License-Identifier: MIT
"""What iosafe-check writes: the SARIF file (OutputFile), the HTML report
directory, and the findings as text lines in the compiler's format.

Output files are checked when the run starts, before any analysis, and a
target the driver will not write is an error then (exit 2):

  a new name or a regular file   written to a temporary file made with
                                 mkstemp(3) (O_CREAT|O_EXCL, mode 0600, so no
                                 symlink is followed) in the target's own
                                 directory, then renamed over the target
                                 (rename(2) replaces the name, never follows
                                 it); the target keeps its mode, a new file
                                 gets 0666 less the umask;
  /dev/null or a FIFO            written in place (opened when the run
                                 starts; a FIFO nobody reads is an error);
  a symbolic link, a directory,  refused: a link committed into a checkout
  another device or a socket     must not redirect the write; so is a path
                                 through a linked directory below the
                                 current directory (_no_link_in_checkout).
"""

import errno
import glob
import html
import os
import shutil
import stat
import tempfile
import urllib.parse

from . import PROG
from .sarif import loc_of
from .text import shown, show_path

HTML_MARK = ".iosafe-check-html"


class OutputError(Exception):
    pass


def _umask():
    u = os.umask(0o022)
    os.umask(u)
    return u


def _no_link_in_checkout(path, label):
    """OutputError when a directory on the way to path, below the current
    directory (the checkout, in CI, where a pull request can commit a
    symbolic link), is a symbolic link: `out -> ~/.ssh` must not turn
    `--sarif out/fd.sarif` into a write outside the checkout.  Links above
    the current directory (the system's, the CI's) are the user's own."""
    cwd = os.getcwd()
    parent = os.path.dirname(os.path.abspath(path))
    if parent != cwd and not parent.startswith(cwd.rstrip("/") + "/"):
        return
    here = cwd
    for part in os.path.relpath(parent, cwd).split(os.sep):
        if part in ("", "."):
            continue
        here = os.path.join(here, part)
        try:
            if stat.S_ISLNK(os.lstat(here).st_mode):
                raise OutputError("%s: %s is a symbolic link inside the current directory: "
                                  "not followed" % (label, shown(os.path.relpath(here, cwd))))
        except FileNotFoundError:
            return


class OutputFile:
    """An output file, checked now and written by write()."""

    def __init__(self, path, option):
        self.path, self.option = path, option
        self.fd = None
        self.mode = 0o666 & ~_umask()
        label = "%s %s" % (option, shown(path))
        _no_link_in_checkout(path, label)
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            st = None
        except OSError as e:
            raise OutputError("%s: %s" % (label, e.strerror))
        if st is None or stat.S_ISREG(st.st_mode):
            if st is not None:
                self.mode = stat.S_IMODE(st.st_mode)
            self.dir = os.path.dirname(os.path.abspath(path))
            try:  # the directory takes a new file: try it now, not at the end
                fd, probe = tempfile.mkstemp(dir=self.dir, prefix=".iosafe-check-probe-")
                os.close(fd)
                os.unlink(probe)
            except OSError as e:
                raise OutputError("%s: cannot create a file in %s: %s" %
                                  (label, shown(self.dir), e.strerror))
            return
        if stat.S_ISLNK(st.st_mode):
            raise OutputError("%s is a symbolic link: not followed (name the file itself)"
                              % label)
        null = os.stat(os.devnull)
        if stat.S_ISFIFO(st.st_mode) or (stat.S_ISCHR(st.st_mode) and
                                         st.st_rdev == null.st_rdev):
            try:
                # O_NONBLOCK: open(2) of a FIFO without a reader fails with
                # ENXIO instead of waiting for one.
                self.fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_NONBLOCK |
                                  os.O_CLOEXEC)
                os.set_blocking(self.fd, True)
            except OSError as e:
                if e.errno == errno.ENXIO:
                    raise OutputError("%s is a FIFO that no process reads" % label)
                raise OutputError("%s: %s" % (label, e.strerror))
            return
        kind = ("a directory" if stat.S_ISDIR(st.st_mode) else
                "a device other than /dev/null" if stat.S_ISCHR(st.st_mode) or
                stat.S_ISBLK(st.st_mode) else "not a regular file")
        raise OutputError("%s is %s: refusing to write it" % (label, kind))

    def write(self, text):
        """Writes text; OutputError when it cannot (no temporary file left)."""
        data = text.encode("utf-8")
        label = "%s %s" % (self.option, shown(self.path))
        if self.fd is not None:
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(self.fd, view):]
            except OSError as e:
                raise OutputError("%s: %s" % (label, e.strerror))
            finally:
                os.close(self.fd)
                self.fd = None
            return
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix="." + os.path.basename(self.path)
                                       + ".", suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                os.fchmod(f.fileno(), self.mode)
            try:
                st = os.lstat(self.path)
                if not stat.S_ISREG(st.st_mode):
                    raise OutputError("%s is no longer a regular file: not replaced" % label)
            except FileNotFoundError:
                pass
            os.rename(tmp, self.path)
            tmp = None
        except OSError as e:
            raise OutputError("%s: %s" % (label, e.strerror))
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    def close(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def prepare_html_dir(d):
    """Makes DIR ready for a report: new, empty, or an earlier report of
    iosafe-check (holding HTML_MARK), which is removed.  OutputError when
    DIR is anything else (a file, /dev/null, a symbolic link, a foreign
    directory) or cannot be made."""
    label = "--html %s" % shown(d)
    _no_link_in_checkout(d, label)
    try:
        st = os.lstat(d)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OutputError("%s: cannot create it: %s" % (label, e.strerror))
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise OutputError("%s is a symbolic link: not followed (name the directory itself)"
                              % label)
        if not stat.S_ISDIR(st.st_mode):
            raise OutputError("%s exists and is not a directory" % label)
        names = os.listdir(d)
        if names and HTML_MARK not in names:
            raise OutputError("%s: the directory is not empty and was not made by %s; "
                              "refusing to write into it" % (label, PROG))
        for name in names:  # our own earlier report: replace it whole
            p = os.path.join(d, name)
            if os.path.isdir(p) and not os.path.islink(p):
                shutil.rmtree(p)
            else:
                os.remove(p)
    try:
        os.makedirs(d, exist_ok=True)
        os.close(os.open(os.path.join(d, HTML_MARK),
                         os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644))
    except OSError as e:
        raise OutputError("%s: cannot create it: %s" % (label, e.strerror))


def write_html(sb, d, unit_dirs, cdb, clang, n_findings, errors):
    for ud in unit_dirs:
        for f in glob.glob(os.path.join(glob.escape(ud), "report-*.html")):
            shutil.move(f, os.path.join(d, os.path.basename(f)))
    import argparse
    ns = argparse.Namespace(output=d, output_format="html", cdb=cdb, clang=clang,
                            html_title="iosafe-check results")
    if n_findings:
        import libscanbuild.report
        libscanbuild.report.document(ns)  # scan-build's index.html over the reports
    if not os.path.exists(os.path.join(d, "index.html")):
        with open(os.path.join(d, "index.html"), "w", encoding="utf-8") as f:
            f.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                    "<title>iosafe-check results</title>"
                    "</head><body><h1>iosafe-check results</h1>\n<p>No findings.</p>\n")
            for path, kind, _ in errors:
                f.write("<p>error: %s: %s</p>\n" % (html.escape(shown(path)),
                                                     html.escape(shown(kind))))
            f.write("</body></html>\n")


def print_results(results, artifacts, out):
    """Each result in the compiler's format, then its path notes; every name
    and message escaped (text.shown), so each is one line."""
    for res in results:
        locs = res.get("locations") or [{}]
        f, line, col = loc_of(locs[0].get("physicalLocation", {}), artifacts)
        msg = res.get("message", {}).get("text", "")
        level = res.get("level", "warning")
        level = {"note": "note", "error": "error"}.get(level, "warning")
        print("%s:%d:%d: %s: %s [%s]" % (show_path(f), line, col, level, shown(msg),
                                         shown(res.get("properties", {}).get("checker")
                                               or res.get("ruleId", "?"))), file=out)
        for flow in res.get("codeFlows", []):
            for tf in flow.get("threadFlows", []):
                for tl in tf.get("locations", []):
                    loc = tl.get("location", {})
                    nf, nl, nc = loc_of(loc.get("physicalLocation", {}), artifacts)
                    text = loc.get("message", {}).get("text", "")
                    if (nf, nl, nc, text) == (f, line, col, msg):
                        continue  # the warning itself, printed above
                    print("%s:%d:%d: note: %s" % (show_path(nf), nl, nc, shown(text)), file=out)
    out.flush()


def gitlab_report(results):
    """A GitLab Code Quality report (docs.gitlab.com/ci/testing/
    code_quality/#code-quality-report-format): one object per reported
    result (the suppressed ones left out) with description, check_name
    (the ruleId), fingerprint (the result's iosafe/v1 fingerprint, made
    unique within the report), severity (major) and location (the path
    relative to the source root, lines.begin).  results are a log's,
    with URIs relative to the source root."""
    from .fingerprint import KEY
    out, seen = [], {}
    for res in results:
        if res.get("suppressions"):
            continue
        loc = (res.get("locations") or [{}])[0].get("physicalLocation", {})
        uri = loc.get("artifactLocation", {}).get("uri", "")
        path = urllib.parse.unquote(uri[7:] if uri.startswith("file://") else uri)
        fp = res.get("partialFingerprints", {}).get(KEY, "")
        seen[fp] = seen.get(fp, 0) + 1
        if seen[fp] > 1:
            fp = "%s-%d" % (fp, seen[fp])
        out.append({"description": res.get("message", {}).get("text", ""),
                    "check_name": res.get("ruleId", ""),
                    "fingerprint": fp,
                    "severity": "major",
                    "location": {"path": path,
                                 "lines": {"begin": loc.get("region", {}).get("startLine", 1)}}})
    return out
