#!/usr/bin/env python3
"""The hostile-input corpus: minutes and templates made to hurt, generated here (nothing binary is committed),
each given to the minutes command built in Release. Every case must end as stated (exit 1 with a diagnostic
naming the file, the place and the problem, or exit 0 with the stated warning), within 2 s of CPU time and
256 MB of memory, and must write no document when it fails.

Usage: tests/hostile/run.py [PATH-TO-minutes.dll]   (run from anywhere; CI runs it after the Release build)
"""
import io, os, re, shutil, subprocess, sys, tempfile, time, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DLL = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "src/Minutes.Templating.Cli/bin/Release/net10.0/minutes.dll")
CPU_SECONDS = 2.0
MAX_RSS_MB = 256
VALID = "minutes: 1\nmeeting:\n  body: Raad\n  date: 2024-03-14\nagenda:\n  - title: Opening\n"


def run(args, work):
    """Runs the command; returns (exit code, stderr, CPU seconds, peak memory in MB)."""
    process = subprocess.Popen(["dotnet", DLL, *args], cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "DOTNET_TieredPGO": "0"})
    out, err = process.communicate()
    usage = resource_usage.pop(process.pid, None)
    return process.returncode, err.decode("utf-8", "replace"), usage


resource_usage = {}
_original_wait = subprocess.Popen._try_wait


def _wait(self, wait_flags):
    # Popen waits with waitpid; wait4 gives the same answer and the child's own CPU time and peak memory.
    pid, status, usage = os.wait4(self.pid, wait_flags)
    if pid == self.pid:
        resource_usage[pid] = (usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
    return pid, status


subprocess.Popen._try_wait = _wait


def patch(docx, edit):
    """A copy of a .docx with its entries changed by edit(dict name -> bytes), which may return extra (name, bytes) pairs."""
    with zipfile.ZipFile(docx) as source:
        entries = {info.filename: source.read(info.filename) for info in source.infolist()}
    extra = edit(entries) or []
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in list(entries.items()) + list(extra):
            if isinstance(data, Spaces):
                # Written a megabyte at a time, so that this script never holds the bomb it makes.
                with target.open(name, "w", force_zip64=True) as stream:
                    for _ in range(data.megabytes):
                        stream.write(b" " * (1024 * 1024))
            else:
                target.writestr(name, data)
    return output.getvalue()


class Spaces:
    """An entry of that many megabytes of spaces, written in pieces."""
    def __init__(self, megabytes):
        self.megabytes = megabytes


def main():
    work = tempfile.mkdtemp(prefix="minutes-hostile-")
    try:
        os.makedirs(os.path.join(work, "base"))
        subprocess.run(["dotnet", DLL, "template", "init", "verslag", "base"], cwd=work, check=True, stdout=subprocess.DEVNULL)
        base = os.path.join(work, "base", "verslag.docx")
        with open(os.path.join(work, "ok.yaml"), "w") as f:
            f.write(VALID)

        def write(name, data):
            with open(os.path.join(work, name), "wb") as f:
                f.write(data if isinstance(data, bytes) else data.encode())
            return name

        def rels(entries, extra):
            name = "word/_rels/document.xml.rels"
            entries[name] = entries[name].replace(b"</Relationships>", extra.encode() + b"</Relationships>")

        def tagged(name, tags):
            """The base template with a first paragraph holding tags (XML-escaped), written as name."""
            paragraph = '<w:p><w:r><w:t xml:space="preserve">' + tags.replace("&", "&amp;").replace("<", "&lt;") + "</w:t></w:r></w:p>"
            return write(name, patch(base, lambda e: e.update({"word/document.xml": e["word/document.xml"].replace(b"<w:body>", b"<w:body>" + paragraph.encode(), 1)})))

        def reached(name, limit):
            """The diagnostic of a render limit reached in the first paragraph of template name."""
            return [re.escape(name) + r"\[document\]:1:\d+: error: .*\(the limit " + limit + r" is [^;]+; raise it with --limit " + limit + r"=.*\[MT2006\]"]

        # Templates that would run without end or grow without bound: each stops at a render limit, which it names.
        templates = [
            ("a string doubled 100,000 times", "doubling.docx", "{{ s = 'x'; for i in 1..100000; s = s + s; end }}", "string-size"),
            ("a capture doubled in a loop", "capture.docx", "{{ s = 'x'; for i in 1..100000 }}{{ capture s }}{{ s }}{{ s }}{{ end }}{{ end }}", "string-size"),
            ("a capture grown in a loop", "capture-grown.docx", "{{ s = 'x'; for i in 1..100000 }}{{ capture s }}{{ s }}x{{ end }}{{ end }}", "work"),
            ("a regular expression that backtracks without end", "regex.docx", "{{ '" + "a" * 60 + "!' | regex.match '^(a+)+$' }}", "regex-time"),
            ("endless recursion", "recursion.docx", "{{ func f(n) }}{{ ret f(n + 1) }}{{ end }}{{ f(1) }}", "recursion-depth"),
            ("an endless while", "while.docx", "{{ while true }}{{ end }}", "loop-iterations"),
            ("nested loops", "nested.docx", "{{ for i in 1..99999; for j in 1..99999; end; end }}", "loop-iterations"),
            ("many steps in loops that each stay within their limit", "steps.docx",
             "{{ n = 0 }}" + "{{ for i in 1..90000; n = n + i * 2 - 1; end }}" * 20, "work"),
            ("many steps after writing as much as a part may hold", "written-steps.docx",
             "{{ s = 'x'; for i in 1..19; s = s + s; end }}{{ for i in 1..62 }}{{ s }}{{ end }}{{ n = 0 }}" + "{{ for i in 1..90000; n = n + i * 2 - 1; end }}" * 200, "work"),
        ]

        cases = [
            # (name, args, expected exit code, patterns stderr must hold)
            ("minutes larger than the limit", ["render", write("big.yaml", VALID + "#" + "x" * (5 * 1024 * 1024) + "\n"), "-o", "out/"], 1,
             [r"big\.yaml:1:1: error: .*minutes-size.*\[MT1012\]"]),
            ("minutes from an endless stream", ["render", "/dev/zero", "-o", "out/"], 1, [r"/dev/zero:1:1: error: .*minutes-size.*\[MT1012\]"]),
            ("minutes that are not UTF-8", ["render", write("latin1.yaml", VALID.encode() + b"  - title: Caf\xe9\n"), "-o", "out/"], 1,
             [r"latin1\.yaml:7:15: error: the file is not valid UTF-8.*\[MT1001\]"]),
            ("a zip bomb as template", ["render", "ok.yaml", "-o", "out/", "-t", write("bomb.docx", patch(base, lambda e: e.update({"word/document.xml": Spaces(300)})))], 1,
             [r"bomb\.docx:1:1: error: word/document\.xml: .*compression-ratio.*\[MT2006\]"]),
            ("a template of 200,000 entries", ["render", "ok.yaml", "-o", "out/", "-t", write("junk.docx", patch(base, lambda e: [(f"junk/{i}", b"") for i in range(200_000)]))], 1,
             [r"junk\.docx:1:1: error: .*template-entries.*\[MT2006\]"]),
            ("an endless stream as template", ["template", "check", "/dev/zero"], 1, [r"zero:1:1: error: .*template-size.*\[MT2006\]"]),
            ("a DTD in styles.xml", ["render", "ok.yaml", "-o", "out/", "-t", write("dtd.docx", patch(base, lambda e: e.update({"word/styles.xml": e["word/styles.xml"].replace(b"?>", b"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>", 1)})))], 1,
             [r"dtd\.docx\[word/styles\.xml\]:1:\d+: error: .*DTD.*\[MT2007\]"]),
            ("a malformed header", ["template", "check", write("header.docx", patch(base, lambda e: e.update({n: e[n][:-20] for n in e if n.startswith("word/header")})))], 1,
             [r"header\.docx\[word/header\d*\.xml\]:\d+:\d+: error: .*not well-formed.*\[MT2007\]"]),
            ("escaping entry names", ["render", "ok.yaml", "-o", "out/", "-t", write("escape.docx", patch(base, lambda e: [("../../../../tmp/x.txt", b"x"), ("word/../../evil.xml", b"<evil/>")]))], 0, []),
            ("an attached template and a remote picture", ["render", "ok.yaml", "-o", "out/", "-t", write("remote.docx", patch(base, lambda e: rels(e,
                '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://attacker.example/p.png" TargetMode="External"/>'
                '<Relationship Id="rIdX2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="file:///etc/passwd" TargetMode="External"/>')))], 0,
             [r"remote\.docx\[word/document\.xml\]:1:1: warning: .*attacker\.example.*\[MT2101\]", r"warning: .*file:///etc/passwd.*\[MT2101\]"]),
            ("a macro-enabled template", ["render", "ok.yaml", "-o", "out/", "-t", write("macros.docm", patch(base, lambda e: (rels(e,
                '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'), [("word/vbaProject.bin", b"VBA")])[1]))], 0,
             [r"macros\.docm\[word/document\.xml\]:1:1: warning: .*macros.*\[MT2102\]"]),
        ] + [(name, ["render", "ok.yaml", "-o", "out/", "-t", tagged(file, tags)], 1, reached(file, limit)) for name, file, tags, limit in templates]

        failures = []
        for name, args, expected, patterns in cases:
            out = os.path.join(work, "out")
            shutil.rmtree(out, ignore_errors=True)
            code, err, usage = run(args, work)
            cpu, rss = usage if usage else (0.0, 0.0)
            problems = []
            if code != expected:
                problems.append(f"exit {code}, expected {expected}")
            problems += [f"no diagnostic matching /{p}/" for p in patterns if not re.search(p, err)]
            if cpu > CPU_SECONDS:
                problems.append(f"{cpu:.1f} s of CPU, more than {CPU_SECONDS} s")
            if rss > MAX_RSS_MB:
                problems.append(f"{rss:.0f} MB of memory, more than {MAX_RSS_MB} MB")
            written = os.listdir(out) if os.path.isdir(out) else []
            if expected != 0 and written:
                problems.append(f"wrote {written}")
            if expected == 0:
                for document in written:
                    with zipfile.ZipFile(os.path.join(out, document)) as z:
                        names = z.namelist()
                        text = b"".join(z.read(n) for n in names)
                    bad = [n for n in names if ".." in n or "evil" in n or "vbaProject" in n]
                    if bad or b"attacker.example" in text or b"/etc/passwd" in text or b"macroEnabled" in text:
                        problems.append(f"{document} carries what it must not: {bad or 'an external link or macro'}")
            status = "ok  " if not problems else "FAIL"
            print(f"{status} {name}: exit {code}, {cpu:.2f} s CPU, {rss:.0f} MB" + "".join("\n       " + p for p in problems))
            if problems:
                print("       stderr: " + err.strip().replace("\n", "\n               ")[:2000])
                failures.append(name)
        if failures:
            print(f"{len(failures)} of {len(cases)} hostile cases failed", file=sys.stderr)
            return 1
        print(f"all {len(cases)} hostile cases ended as they should")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
