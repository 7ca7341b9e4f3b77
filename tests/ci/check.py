#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""tests/ci/check.py DRIVER: the CI templates of ci/ hold, as far as this
machine can run them.

  - Each YAML file parses (PyYAML, Debian's python3-yaml) and has the shape
    its platform needs: the GitHub workflow's check step keeps its status,
    the SARIF upload runs always, a last step fails the job; the GitLab job
    keeps its artifacts always.
  - Their commands run here, on two small projects made by the test (one
    with an fd leak, one clean): the workflow's build and check steps (bear
    around make, then iosafe-check) under bash with GITHUB_OUTPUT set, and
    the GitLab job's script.  The leaky project must end with status 1 and a
    SARIF file holding the leak, the clean one with 0.  The steps that
    install packages and iosafe itself are not run: DRIVER (the build
    tree's iosafe-check) stands in for the installed one.
  - ci/hooks/pre-commit in a throwaway git repository: a staged leak stops
    the commit (1), a clean file, also one named like an option, does not.
Prints one line per check and "ci: N passed, N failed".
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    sys.exit("ci: FAIL: PyYAML is missing (Debian python3-yaml; tools/deps.sh installs it)")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LEAK = """#include <fcntl.h>
#include <unistd.h>
int first_byte(const char *path, char *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (read(fd, out, 1) != 1)
		return -1;
	return close(fd);
}
"""
CLEAN = LEAK.replace("return -1;\n\treturn close", "return close(fd), -1;\n\treturn close")
MAKEFILE = "prog.o: prog.c\n\tcc -std=gnu11 -c prog.c -o prog.o\n"

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print("ci: ok %s" % what)
    else:
        failed += 1
        print("ci: FAIL %s" % what)


def project(work, name, code):
    d = os.path.join(work, name)
    os.makedirs(d)
    with open(os.path.join(d, "prog.c"), "w") as f:
        f.write(code)
    with open(os.path.join(d, "Makefile"), "w") as f:
        f.write(MAKEFILE)
    return d


def bash(script, cwd, env):
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True)


def sarif_results(path):
    try:
        log = json.load(open(path))
    except (OSError, ValueError):
        return None
    return [r for run in log.get("runs", []) for r in run.get("results", [])]


def github(driver_env, work):
    wf = yaml.safe_load(open(os.path.join(ROOT, "ci", "github", "iosafe.yml")))
    job = wf["jobs"]["iosafe"]
    steps = job["steps"]
    check(job.get("container") == "debian:bookworm", "github: the job runs in debian:bookworm")
    byname = {s.get("name"): s for s in steps}
    build = byname.get("Build, writing compile_commands.json", {}).get("run")
    step = next((s for s in steps if s.get("id") == "check"), None)
    upload = next((s for s in steps if "upload-sarif" in str(s.get("uses", ""))), None)
    check(upload is not None and "always()" in str(upload.get("if")),
          "github: the SARIF upload runs also when the check failed")
    check(steps[-1].get("if") == "steps.check.outputs.status != '0'" and
          "exit 1" in steps[-1].get("run", ""), "github: the last step fails the job on a non-zero status")
    check(steps.index(upload) < len(steps) - 1 and steps.index(step) < steps.index(upload),
          "github: check, then upload, then fail")
    for name, code, want in (("gh-leak", LEAK, "1"), ("gh-clean", CLEAN, "0")):
        d = project(work, name, code)
        out = os.path.join(d, "github-output")
        env = dict(driver_env, GITHUB_OUTPUT=out)
        b = bash(build, d, env)
        r = bash(step["run"], d, env)
        status = open(out).read().strip() if os.path.exists(out) else ""
        results = sarif_results(os.path.join(d, "iosafe.sarif"))
        check(b.returncode == 0 and r.returncode == 0 and status == "status=" + want,
              "github: %s: build and check steps run, %s (%s)" % (name, "status=" + want, status or r.stderr.strip()[-200:]))
        check(results is not None and (len(results) > 0) == (want == "1"),
              "github: %s: iosafe.sarif holds %s" % (name, "the leak" if want == "1" else "no result"))
        if want == "1":  # a committed baseline: the known leak no longer fails the job
            subprocess.run(["iosafe-check", "-p", ".", "--write-baseline", "iosafe-baseline.json"],
                           cwd=d, env=env, capture_output=True)
            os.unlink(out)
            r = bash(step["run"], d, env)
            status = open(out).read().strip() if os.path.exists(out) else ""
            check(status == "status=0", "github: %s with iosafe-baseline.json: status=0 (%s)" %
                  (name, status or r.stderr.strip()[-200:]))


def gitlab(driver_env, work):
    doc = yaml.safe_load(open(os.path.join(ROOT, "ci", "gitlab", "iosafe.gitlab-ci.yml")))
    job = doc["iosafe"]
    check(job.get("image") == "debian:bookworm" and job["artifacts"]["when"] == "always",
          "gitlab: debian:bookworm, artifacts kept always")
    for name, code, fails in (("gl-leak", LEAK, True), ("gl-clean", CLEAN, False)):
        d = project(work, name, code)
        r = bash("\n".join(job["script"]), d, driver_env)
        check((r.returncode != 0) == fails, "gitlab: %s: the job %s" % (name, "fails" if fails else "passes"))
        check(all(os.path.exists(os.path.join(d, p)) for p in job["artifacts"]["paths"]),
              "gitlab: %s: every artifact path was written" % name)
        report = job["artifacts"].get("reports", {}).get("codequality")
        check(report and report in job["artifacts"]["paths"], "gitlab: a codequality report")
        check(code_quality_ok(os.path.join(d, report), d, fails),
              "gitlab: %s: %s is a Code Quality report with %s" %
              (name, report, "the leak" if fails else "no issue"))


def code_quality_ok(path, project_dir, leak):
    """GitLab's documented Code Quality fields (docs.gitlab.com, "Code
    Quality report format"): a JSON array of issues, each with a
    description, check_name, a fingerprint unique in the report, a severity
    of info, minor, major, critical or blocker, location.path relative to
    the project and location.lines.begin."""
    try:
        issues = json.load(open(path))
    except (OSError, ValueError):
        return False
    if not isinstance(issues, list) or bool(issues) != leak:
        return False
    fps = [i.get("fingerprint") for i in issues]
    for i in issues:
        loc = i.get("location", {})
        if not (isinstance(i.get("description"), str) and i["description"] and
                isinstance(i.get("check_name"), str) and isinstance(i.get("fingerprint"), str) and
                i.get("severity") in ("info", "minor", "major", "critical", "blocker") and
                isinstance(loc.get("path"), str) and not loc["path"].startswith("/") and
                os.path.isfile(os.path.join(project_dir, loc["path"])) and
                isinstance(loc.get("lines", {}).get("begin"), int)):
            return False
    return len(set(fps)) == len(fps) and (not leak or issues[0]["check_name"] == "iosafe/fd-leak")


def precommit(driver_env, work):
    hook = os.path.join(ROOT, "ci", "hooks", "pre-commit")
    d = os.path.join(work, "repo")
    os.makedirs(d)
    git = lambda *a: subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *a],
                                    cwd=d, capture_output=True, text=True)
    git("init", "-q")
    env = dict(driver_env, IOSAFE_CFLAGS="-std=gnu11")
    for name, code, want in (("leak.c", LEAK, 1), ("-clean.c", CLEAN, 0)):
        with open(os.path.join(d, name), "w") as f:
            f.write(code)
        git("add", "--", name)
        r = subprocess.run(["bash", hook], cwd=d, env=env, capture_output=True, text=True)
        check(r.returncode == want, "pre-commit: staged %s: exit %d (%d)" % (name, want, r.returncode))
        git("rm", "-q", "--cached", "--", name)
        os.unlink(os.path.join(d, name))


def main():
    driver = os.path.abspath(sys.argv[1])
    if not shutil.which("bear"):
        sys.exit("ci: FAIL: bear is missing (tools/deps.sh installs it)")
    bindir = tempfile.mkdtemp(prefix="iosafe-ci-bin.")
    work = tempfile.mkdtemp(prefix="iosafe-ci.")
    try:
        os.symlink(driver, os.path.join(bindir, "iosafe-check"))
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"])
        github(env, work)
        gitlab(env, work)
        precommit(env, work)
    finally:
        shutil.rmtree(bindir, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    print("ci: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
