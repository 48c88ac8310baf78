#!/usr/bin/env python3
"""Consistency checks for docker/ and helm/ that need no Docker engine, helm or network.

    python3 scripts/check-deploy.py        (also run by `make test` and `make check-deploy`)

Always (python3 + PyYAML):
  - Chart.yaml, every values*.yaml and docker/compose.yaml parse;
  - every `.Values.x.y` referenced in the chart's templates exists in values.yaml, and the
    overlays (values-*.yaml) set no key that values.yaml does not have;
  - every CONCIERGE_* variable used in docker/compose.yaml, the chart's templates and the
    docker files is documented in docs/configuration.md (warning only while that file
    does not exist; then they are checked against the contract's list instead);
  - every CONCIERGE_* variable ConciergeConfiguration.swift reads is documented there, with
    its default and (for integers) its range;
  - attachment storage: values.yaml's attachments.* values; the ConfigMap sets
    CONCIERGE_ATTACHMENTS_DIR and CONCIERGE_ATTACHMENT_MAX_BYTES; the api and worker
    Deployments mount the attachments volume, backed by the PVC template; overlays with
    ingress-nginx let uploads through; compose mounts a named volume at
    CONCIERGE_ATTACHMENTS_DIR in api and worker; the Dockerfile creates that directory
    owned by the runtime user;
  - the binaries docker/entrypoint.sh runs are executable products in Package.swift, and
    the Dockerfile copies all of them;
  - ports and probe paths match the contract: api 8080 (/readyz, /healthz), worker 8081,
    scheduler 8082, in values.yaml, the Deployment templates, the ConfigMap, the
    Dockerfile, compose.yaml and the entrypoint's healthcheck;
  - deployment modes and replica counts of the overlays; the migration Job is a
    pre-install/pre-upgrade hook running `migrate`;
  - shell scripts pass `bash -n`.
When installed (optional, offline; e.g. `pip install helm-python-sdk kubernetes-validate
check-jsonschema`):
  - helm_python: renders the chart with each values file (Helm's own Go template engine)
    and runs helm lint; the rendered Deployments' ports and probes, and the attachments
    volume (mount path = CONCIERGE_ATTACHMENTS_DIR, claim = the rendered PVC), are checked;
  - kubernetes_validate: validates the rendered manifests against Kubernetes schemas;
  - check_jsonschema: validates compose.yaml against the Compose specification schema.
Exit status 1 if any check failed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("check-deploy: PyYAML is missing: apt-get install python3-yaml (or pip install pyyaml)")

ROOT = Path(__file__).resolve().parent.parent
CHART = ROOT / "helm" / "concierge"
TEMPLATES = CHART / "templates"
DOCKER = ROOT / "docker"
CONFIG_DOC = ROOT / "docs" / "configuration.md"
CONFIG_SWIFT = ROOT / "Sources" / "ConciergeRuntime" / "ConciergeConfiguration.swift"
RUNTIME_UID = 10001

CONTRACT_PORTS = {"api": 8080, "worker": 8081, "scheduler": 8082}
CONTRACT_PORT_VARS = {
    "api": "CONCIERGE_HTTP_PORT",
    "worker": "CONCIERGE_WORKER_HTTP_PORT",
    "scheduler": "CONCIERGE_SCHEDULER_HTTP_PORT",
}
CONTRACT_PRODUCTS = {"concierge", "concierge-api", "concierge-worker", "concierge-scheduler"}
ENTRYPOINT_COMMANDS = {
    "api": "concierge-api",
    "worker": "concierge-worker",
    "scheduler": "concierge-scheduler",
    "migrate": "concierge",
    "dev": "concierge",
    "cli": "concierge",
}
# The configuration contract (used while docs/configuration.md does not exist).
CONTRACT_VARS = {
    "CONCIERGE_CONFIG_FILE",
    "CONCIERGE_DATABASE_URL",
    "CONCIERGE_MIGRATION_DATABASE_URL",
    "CONCIERGE_DATABASE_APP_ROLE",
    "CONCIERGE_DATABASE_POOL_SIZE",
    "CONCIERGE_REDIS_URL",
    "CONCIERGE_REDIS_PREFIX",
    "CONCIERGE_HTTP_HOST",
    "CONCIERGE_HTTP_PORT",
    "CONCIERGE_WORKER_HTTP_PORT",
    "CONCIERGE_SCHEDULER_HTTP_PORT",
    "CONCIERGE_PUBLIC_URL",
    "CONCIERGE_DEPLOYMENT_MODE",
    "CONCIERGE_LOG_LEVEL",
    "CONCIERGE_LOG_FORMAT",
    "CONCIERGE_COOKIE_SECURE",
    "CONCIERGE_SESSION_TTL_HOURS",
    "CONCIERGE_WORKER_CONCURRENCY",
    "CONCIERGE_QUEUE_VISIBILITY_SECONDS",
    "CONCIERGE_MAX_BODY_BYTES",
    "CONCIERGE_BCRYPT_COST",
    "CONCIERGE_REDIS_POOL_SIZE",
    "CONCIERGE_LOGIN_MAX_FAILURES",
    "CONCIERGE_LOGIN_WINDOW_SECONDS",
    "CONCIERGE_API_REQUESTS_PER_MINUTE",
    "CONCIERGE_TOKEN_CACHE_SECONDS",
    "CONCIERGE_SECRET_KEYS",
    "CONCIERGE_CONNECTOR_ALLOWED_NETWORKS",
    "CONCIERGE_WORKER_QUEUES",
    "CONCIERGE_ATTACHMENTS_DIR",
    "CONCIERGE_ATTACHMENT_MAX_BYTES",
    "CONCIERGE_INSTANCE_ID",
}
MODES = {"shared", "dedicated", "self-hosted"}
OVERLAY_MODES = {
    "values-shared.yaml": "shared",
    "values-dedicated.yaml": "dedicated",
    "values-selfhosted.yaml": "self-hosted",
}
VAR_RE = re.compile(r"\bCONCIERGE_[A-Z0-9_]+\b")

failures: list[str] = []
warnings: list[str] = []
passed: list[str] = []


def rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def check(ok: bool, what: str, problem: str | None = None) -> bool:
    if ok:
        passed.append(what)
    else:
        failures.append(f"{what}: {problem}" if problem else what)
    return ok


def read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        failures.append(f"cannot read {rel(path)}: {error}")
        return ""


def load_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        failures.append(f"{rel(path)} does not parse: {error}")
        return None


def dig(tree, dotted: str):
    """Walks a dotted path; returns (found, value). An empty map or a list in values.yaml
    is a free-form value: anything below it counts as present."""
    node = tree
    for part in dotted.split("."):
        if isinstance(node, dict):
            if part in node:
                node = node[part]
                continue
            return False, None
        if isinstance(node, list):
            return True, None
        return False, None
    return True, node


def free_form(value) -> bool:
    return value == {} or isinstance(value, list)


def overlay_unknown_keys(base, overlay, prefix=""):
    unknown = []
    if not isinstance(overlay, dict):
        return unknown
    for key, value in overlay.items():
        path = f"{prefix}{key}"
        if not isinstance(base, dict) or key not in base:
            unknown.append(path)
            continue
        if free_form(base[key]):
            continue
        if isinstance(value, dict):
            unknown.extend(overlay_unknown_keys(base[key], value, path + "."))
    return unknown


def merge(base, overlay):
    if isinstance(base, dict) and isinstance(overlay, dict):
        out = dict(base)
        for key, value in overlay.items():
            out[key] = merge(base.get(key), value) if key in base else value
        return out
    return overlay


# --------------------------------------------------------------------------------------
def check_yaml_files():
    chart = load_yaml(CHART / "Chart.yaml")
    if chart is not None:
        check(
            chart.get("apiVersion") == "v2" and chart.get("name") == "concierge" and bool(chart.get("version")),
            "Chart.yaml has apiVersion v2, name concierge and a version",
        )
    values_files = sorted(CHART.glob("values*.yaml"))
    parsed = {}
    for path in values_files:
        data = load_yaml(path)
        if data is not None or path.read_text(encoding="utf-8").strip() == "":
            parsed[path.name] = data or {}
    check(
        {"values.yaml", *OVERLAY_MODES} <= set(parsed),
        "values.yaml and the three overlays exist and parse",
        f"have {sorted(parsed)}",
    )
    compose = load_yaml(DOCKER / "compose.yaml")
    if compose is not None:
        passed.append("docker/compose.yaml parses")
    return parsed, compose


def check_values_references(values):
    missing = []
    for path in sorted(TEMPLATES.iterdir()):
        if not path.is_file():
            continue
        text = read(path)
        for match in re.finditer(r"\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)", text):
            dotted = match.group(1)[1:]
            found, _ = dig(values, dotted)
            if not found:
                line = text.count("\n", 0, match.start()) + 1
                missing.append(f"{path.name}:{line} .Values.{dotted}")
    check(not missing, "every .Values path in the templates exists in values.yaml", ", ".join(missing))


def check_overlays(parsed):
    base = parsed.get("values.yaml") or {}
    for name, overlay in sorted(parsed.items()):
        if name == "values.yaml":
            continue
        unknown = overlay_unknown_keys(base, overlay)
        check(not unknown, f"{name} sets only keys values.yaml documents", ", ".join(unknown))
    check(
        (base.get("config") or {}).get("deploymentMode") in MODES,
        "values.yaml config.deploymentMode is shared|dedicated|self-hosted",
    )
    check(
        (base.get("scheduler") or {}).get("replicas") == 2,
        "values.yaml scheduler.replicas is 2 (leader + standby)",
    )
    for name, mode in OVERLAY_MODES.items():
        overlay = parsed.get(name)
        if overlay is None:
            continue
        merged = merge(base, overlay)
        check(
            merged["config"]["deploymentMode"] == mode,
            f"{name} sets config.deploymentMode {mode}",
            f"got {merged['config']['deploymentMode']!r}",
        )
    selfhosted = merge(base, parsed.get("values-selfhosted.yaml") or {})
    check(
        all(selfhosted[c]["replicas"] == 1 for c in ("api", "worker", "scheduler")),
        "values-selfhosted.yaml runs one replica of api, worker and scheduler",
    )
    shared = merge(base, parsed.get("values-shared.yaml") or {})
    check(
        shared["api"]["replicas"] >= base["api"]["replicas"] and shared["worker"]["replicas"] >= base["worker"]["replicas"],
        "values-shared.yaml scales api and worker at least as far as the defaults",
    )


def used_vars() -> dict[str, set[str]]:
    sources = [DOCKER / "compose.yaml", DOCKER / "Dockerfile", DOCKER / "entrypoint.sh"]
    sources += sorted(p for p in DOCKER.glob("postgres-init*") if p.is_file())
    sources += sorted(p for p in TEMPLATES.iterdir() if p.is_file())
    used: dict[str, set[str]] = {}
    for path in sources:
        for var in VAR_RE.findall(read(path)):
            used.setdefault(var, set()).add(rel(path))
    return used


def check_documented_vars(values):
    used = used_vars()
    extra = set(((values.get("config") or {}).get("extraEnv") or {}).keys())
    if CONFIG_DOC.exists():
        documented = set(VAR_RE.findall(read(CONFIG_DOC)))
        missing = sorted(v for v in set(used) | extra if v not in documented)
        check(
            not missing,
            f"every CONCIERGE_* variable used in docker/ and helm/ ({len(used)}) is in docs/configuration.md",
            "; ".join(f"{v} (in {', '.join(sorted(used.get(v, {'values.yaml'})))})" for v in missing),
        )
    else:
        warnings.append(
            "docs/configuration.md does not exist yet: variables not checked against it "
            "(checked against the contract's list instead)"
        )
        unknown = sorted(v for v in set(used) | extra if v not in CONTRACT_VARS)
        check(
            not unknown,
            f"every CONCIERGE_* variable used in docker/ and helm/ ({len(used)}) is in the contract",
            "; ".join(f"{v} (in {', '.join(sorted(used.get(v, {'values.yaml'})))})" for v in unknown),
        )


def swift_int(expr: str) -> int | None:
    """Evaluates the integer literals ConciergeConfiguration uses (`1 << 20`, `24 * 90`,
    `1_000_000`, `(1 << 30)`); None for anything else."""
    text = expr.replace("_", "").strip()
    if not re.fullmatch(r"[0-9()<*+\- ]+", text):
        return None
    try:
        return int(eval(text, {"__builtins__": {}}, {}))  # noqa: S307 - digits and operators only
    except Exception:  # noqa: BLE001
        return None


def doc_rows() -> dict[str, str]:
    """The table rows of docs/configuration.md by the variable in their first cell."""
    rows = {}
    for line in read(CONFIG_DOC).splitlines():
        match = re.match(r"^\|\s*`(CONCIERGE_[A-Z0-9_]+)`\s*\|(.*)$", line)
        if match:
            rows.setdefault(match.group(1), match.group(2))
    return rows


def check_configuration_reads():
    """Every variable ConciergeConfiguration.swift reads is in docs/configuration.md with the
    right default and range."""
    source = read(CONFIG_SWIFT)
    if not source or not CONFIG_DOC.exists():
        warnings.append("ConciergeConfiguration.swift or docs/configuration.md missing: reads not checked")
        return
    reads = set(re.findall(r'"(CONCIERGE_[A-Z0-9_]+)"', source))
    rows = doc_rows()
    missing = sorted(v for v in reads if v not in rows)
    check(
        not missing,
        f"every CONCIERGE_* variable ConciergeConfiguration.swift reads ({len(reads)}) has a row in docs/configuration.md",
        ", ".join(missing),
    )
    wrong = []
    int_reads = re.findall(
        r'reader\.int\(\s*"(CONCIERGE_[A-Z0-9_]+)",\s*([^,]+?),\s*range:\s*\(?([^.)]+?)\)?\s*\.\.\.\s*\(?([^)]+?)\)?\s*\)',
        source,
    )
    if len(int_reads) != source.count("reader.int("):
        wrong.append(f"parsed {len(int_reads)} of {source.count('reader.int(')} reader.int calls: update check-deploy.py")
    for var, default, low, high in int_reads:
        row = rows.get(var)
        if row is None:
            continue
        values = [swift_int(x) for x in (default, low, high)]
        if None in values:
            wrong.append(f"{var}: cannot read `{default}`, `{low}...{high}`")
            continue
        value, lo, hi = values
        cells = [c.strip() for c in row.split("|")]
        default_cell = cells[0] if cells else ""
        if f"`{value}`" not in default_cell:
            wrong.append(f"{var}: default {value} not in the default column ({default_cell})")
        if not re.search(rf"(?<![0-9]){lo}[–-]{hi}(?![0-9])", row):
            wrong.append(f"{var}: range {lo}–{hi} not stated")
    for var, default in re.findall(r'reader\.(?:string|bool)\(\s*"(CONCIERGE_[A-Z0-9_]+)",\s*("[^"\\]*"|true|false)\s*\)', source):
        row = rows.get(var)
        if row is None:
            continue
        shown = default.strip('"')
        if "\\(" in shown:
            continue
        if shown == "" and (row.split("|")[0].strip().startswith("—")):
            continue  # an empty default is written as a dash
        cells = [c.strip() for c in row.split("|")]
        if f"`{shown}`" not in (cells[0] if cells else ""):
            wrong.append(f"{var}: default `{shown}` not in the default column ({cells[0] if cells else ''})")
    check(
        not wrong,
        "docs/configuration.md states the defaults and ranges ConciergeConfiguration.swift uses",
        "; ".join(wrong),
    )


def body_size_bytes(text: str) -> int | None:
    """An nginx size (`20m`, `512k`, `1g`, `1048576`) in bytes; 0 means unlimited."""
    match = re.fullmatch(r"\s*([0-9]+)\s*([kKmMgG]?)\s*", str(text))
    if not match:
        return None
    return int(match.group(1)) * {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[match.group(2).lower()]


def check_attachments(parsed, compose):
    values = parsed.get("values.yaml") or {}
    attachments = values.get("attachments") or {}
    directory = attachments.get("directory")
    max_bytes = attachments.get("maxBytes")
    persistence = attachments.get("persistence") or {}
    check(
        isinstance(directory, str) and directory.startswith("/"),
        "values.yaml attachments.directory is an absolute path",
        f"got {directory!r}",
    )
    check(
        isinstance(max_bytes, int) and 1024 <= max_bytes <= 1 << 30,
        "values.yaml attachments.maxBytes is within CONCIERGE_ATTACHMENT_MAX_BYTES' range 1024-1073741824",
        f"got {max_bytes!r}",
    )
    expected = {"enabled", "existingClaim", "storageClass", "accessModes", "size"}
    check(
        expected <= set(persistence),
        "values.yaml documents attachments.persistence.enabled, existingClaim, storageClass, accessModes, size",
        f"missing {sorted(expected - set(persistence))}",
    )
    check(
        persistence.get("enabled") is True and persistence.get("accessModes") == ["ReadWriteMany"],
        "attachments persist by default on a ReadWriteMany claim (several api replicas share it)",
        f"enabled {persistence.get('enabled')!r}, accessModes {persistence.get('accessModes')!r}",
    )
    helpers = read(TEMPLATES / "_helpers.tpl")
    check(
        re.search(r'^CONCIERGE_ATTACHMENTS_DIR: \{\{ include "concierge\.attachmentsDirectory" \. \| quote \}\}$', helpers, re.M)
        is not None
        and re.search(r"^CONCIERGE_ATTACHMENT_MAX_BYTES: \{\{ \.Values\.attachments\.maxBytes \| int64 \| quote \}\}$", helpers, re.M)
        is not None,
        "the ConfigMap sets CONCIERGE_ATTACHMENTS_DIR and CONCIERGE_ATTACHMENT_MAX_BYTES from attachments.*",
    )
    check(
        re.search(r"mountPath: \{\{ include \"concierge\.attachmentsDirectory\" \. \}\}", helpers) is not None,
        "the attachments volume is mounted at the directory CONCIERGE_ATTACHMENTS_DIR names",
    )
    for comp in ("api", "worker"):
        text = read(TEMPLATES / f"deployment-{comp}.yaml")
        check(
            '{{- include "concierge.attachmentsVolumeMount" . | nindent 12 }}' in text
            and '{{- include "concierge.attachmentsVolume" . | nindent 8 }}' in text,
            f"deployment-{comp}.yaml mounts the attachments volume",
        )
    scheduler = read(TEMPLATES / "deployment-scheduler.yaml")
    check("attachments" not in scheduler, "the scheduler does not mount the attachments volume")
    pvc = TEMPLATES / "pvc-attachments.yaml"
    pvc_text = read(pvc) if pvc.exists() else ""
    check(
        "kind: PersistentVolumeClaim" in pvc_text
        and ".Values.attachments.persistence.enabled" in pvc_text
        and ".Values.attachments.persistence.existingClaim" in pvc_text
        and ".Values.attachments.persistence.accessModes" in pvc_text,
        "templates/pvc-attachments.yaml creates the claim unless persistence is off or existingClaim is set",
    )
    for name, overlay in sorted(parsed.items()):
        merged = merge(values, overlay) if name != "values.yaml" else values
        ingress = merged.get("ingress") or {}
        if not ingress.get("enabled") or "nginx" not in str(ingress.get("className", "")):
            continue
        limit = body_size_bytes((ingress.get("annotations") or {}).get("nginx.ingress.kubernetes.io/proxy-body-size", "1m"))
        allowed = merged.get("attachments", {}).get("maxBytes", 0)
        check(
            limit is not None and (limit == 0 or limit >= allowed),
            f"{name}: ingress-nginx accepts uploads of attachments.maxBytes ({allowed} bytes)",
            f"proxy-body-size allows {limit} bytes",
        )
    if compose:
        services = compose.get("services") or {}
        declared = set((compose.get("volumes") or {}).keys())
        for name in ("api", "worker"):
            service = services.get(name) or {}
            env = service.get("environment") or {}
            if isinstance(env, list):
                env = dict(item.split("=", 1) for item in env)
            target = env.get("CONCIERGE_ATTACHMENTS_DIR")
            mounts = {}
            for volume in service.get("volumes") or []:
                if isinstance(volume, str) and ":" in volume:
                    source, dest = volume.split(":")[:2]
                    mounts[dest] = source
                elif isinstance(volume, dict):
                    mounts[volume.get("target")] = volume.get("source")
            source = mounts.get(target)
            check(
                isinstance(target, str) and target.startswith("/") and source in declared,
                f"compose {name} mounts a named volume at CONCIERGE_ATTACHMENTS_DIR",
                f"CONCIERGE_ATTACHMENTS_DIR {target!r}, mounts {mounts}, named volumes {sorted(declared)}",
            )
            check(
                "CONCIERGE_ATTACHMENT_MAX_BYTES" in env,
                f"compose {name} sets CONCIERGE_ATTACHMENT_MAX_BYTES",
            )
        api_mount = {v.split(":")[0] for v in (services.get("api") or {}).get("volumes") or [] if isinstance(v, str)}
        worker_mount = {v.split(":")[0] for v in (services.get("worker") or {}).get("volumes") or [] if isinstance(v, str)}
        check(bool(api_mount & worker_mount & declared), "compose api and worker share the attachments volume")
    dockerfile = read(DOCKER / "Dockerfile")
    env_dir = re.search(r"\bCONCIERGE_ATTACHMENTS_DIR=(\S+)", dockerfile)
    image_dir = env_dir.group(1) if env_dir else None
    check(
        image_dir is not None and image_dir.startswith("/"),
        "the Dockerfile sets CONCIERGE_ATTACHMENTS_DIR to an absolute path",
    )
    creates = re.search(
        rf"install -d [^\n]*-o {RUNTIME_UID} -g {RUNTIME_UID}[^\n]*\s{re.escape(image_dir or '#')}(\s|$)", dockerfile
    ) or re.search(rf"chown [^\n]*{RUNTIME_UID}:{RUNTIME_UID}[^\n]*\s{re.escape(image_dir or '#')}(\s|$)", dockerfile)
    check(
        creates is not None,
        f"the Dockerfile creates {image_dir} owned by uid {RUNTIME_UID}",
    )
    check(
        re.search(rf"^USER {RUNTIME_UID}:{RUNTIME_UID}$", dockerfile, re.M) is not None,
        f"the image runs as {RUNTIME_UID}:{RUNTIME_UID}, the owner of the attachments directory",
    )
    if compose and image_dir:
        env = ((compose.get("services") or {}).get("api") or {}).get("environment") or {}
        check(
            not isinstance(env, dict) or env.get("CONCIERGE_ATTACHMENTS_DIR") == image_dir,
            "compose mounts the attachments volume where the image created the directory",
            f"compose {env.get('CONCIERGE_ATTACHMENTS_DIR')!r}, image {image_dir!r}",
        )
    if isinstance(directory, str) and image_dir:
        check(
            directory == image_dir,
            "values.yaml attachments.directory is the directory the image creates",
            f"values {directory!r}, image {image_dir!r}",
        )


def package_products() -> set[str]:
    text = read(ROOT / "Package.swift")
    return set(re.findall(r"\.executable\(\s*name:\s*\"([^\"]+)\"", text))


def check_binaries():
    products = package_products()
    check(
        CONTRACT_PRODUCTS <= products,
        "Package.swift declares the four executable products",
        f"missing {sorted(CONTRACT_PRODUCTS - products)}",
    )
    entry = read(DOCKER / "entrypoint.sh")
    mapped = {}
    for cmd, binary in re.findall(r"^\s*([a-z]+)\)\s*exec\s+\"\$BIN_DIR/(concierge[-a-z]*)\"", entry, re.M):
        mapped[cmd] = binary
    check(
        mapped == ENTRYPOINT_COMMANDS,
        "docker/entrypoint.sh maps api|worker|scheduler|migrate|dev|cli to the contract's binaries",
        f"found {mapped}",
    )
    check(
        set(mapped.values()) <= products,
        "every binary the entrypoint runs is a product in Package.swift",
        f"not products: {sorted(set(mapped.values()) - products)}",
    )
    check(
        re.search(r'^role="\$\{1:-api\}"', entry, re.M) is not None,
        "the entrypoint defaults to api",
    )
    for cmd, sub in (("migrate", "migrate"), ("dev", "dev")):
        check(
            re.search(rf'^\s*{cmd}\)\s*exec\s+"\$BIN_DIR/concierge"\s+{sub}\s+"\$@"', entry, re.M) is not None,
            f"entrypoint `{cmd}` runs `concierge {sub}`",
        )
    dockerfile = read(DOCKER / "Dockerfile")
    not_copied = sorted(p for p in CONTRACT_PRODUCTS if not re.search(rf'"\$bin/{re.escape(p)}"', dockerfile))
    check(not not_copied, "the Dockerfile copies all four binaries", f"not copied: {not_copied}")
    check("*.resources" in dockerfile, "the Dockerfile copies the SwiftPM resource bundles (*.resources)")
    check(
        re.search(r'^ENTRYPOINT \["/app/docker/entrypoint.sh"\]', dockerfile, re.M) is not None
        and "COPY --chmod=0755 docker/entrypoint.sh /app/docker/entrypoint.sh" in dockerfile,
        "the Dockerfile installs docker/entrypoint.sh as its ENTRYPOINT",
    )
    check("--static-swift-stdlib" in dockerfile, "the release build links the Swift runtime statically")


def check_ports(values, compose):
    for comp, port in CONTRACT_PORTS.items():
        check(
            (values.get(comp) or {}).get("port") == port,
            f"values.yaml {comp}.port is {port}",
            f"got {(values.get(comp) or {}).get('port')!r}",
        )
        text = read(TEMPLATES / f"deployment-{comp}.yaml")
        check(
            f"containerPort: {{{{ .Values.{comp}.port }}}}" in text,
            f"deployment-{comp}.yaml exposes .Values.{comp}.port as its container port",
        )
        probes = {}
        for kind, path in re.findall(r"(startupProbe|readinessProbe|livenessProbe):\s*\n\s*httpGet:\s*\n\s*path:\s*(\S+)\s*\n\s*port:\s*http\b", text):
            probes[kind] = path
        check(
            probes == {"startupProbe": "/healthz", "readinessProbe": "/readyz", "livenessProbe": "/healthz"},
            f"deployment-{comp}.yaml probes /readyz (readiness) and /healthz (liveness) on its http port",
            f"found {probes}",
        )
        check(f'args: ["{comp}"]' in text, f"deployment-{comp}.yaml runs the entrypoint's `{comp}`")
    helpers = read(TEMPLATES / "_helpers.tpl")
    for comp, var in CONTRACT_PORT_VARS.items():
        check(
            re.search(rf"^{var}: \{{\{{ \.Values\.{comp}\.port \| int64 \| quote \}}\}}$", helpers, re.M) is not None,
            f"the ConfigMap sets {var} from .Values.{comp}.port",
        )
    dockerfile = read(DOCKER / "Dockerfile")
    expose = re.search(r"^EXPOSE\s+(.+)$", dockerfile, re.M)
    exposed = set(expose.group(1).split()) if expose else set()
    check(
        {str(p) for p in CONTRACT_PORTS.values()} <= exposed,
        "the Dockerfile EXPOSEs 8080 8081 8082",
        f"EXPOSE {sorted(exposed)}",
    )
    check("HEALTHCHECK" in dockerfile, "the Dockerfile has a HEALTHCHECK")
    entry = read(DOCKER / "entrypoint.sh")
    for comp, var in CONTRACT_PORT_VARS.items():
        check(
            f"${{{var}:-{CONTRACT_PORTS[comp]}}}" in entry,
            f"the entrypoint's healthcheck uses {var} (default {CONTRACT_PORTS[comp]})",
        )
    check("/healthz" in entry and "curl" in entry, "the entrypoint's healthcheck curls /healthz")
    if compose:
        services = compose.get("services") or {}
        for name in ("api", "worker", "scheduler", "migrate"):
            env = (services.get(name) or {}).get("environment") or {}
            if isinstance(env, list):
                env = dict(item.split("=", 1) for item in env)
            wrong = {
                var: env.get(var)
                for comp, var in CONTRACT_PORT_VARS.items()
                if str(env.get(var, CONTRACT_PORTS[comp])) != str(CONTRACT_PORTS[comp])
            }
            check(not wrong, f"compose {name} uses the contract ports", f"{wrong}")
            check(env.get("CONCIERGE_HTTP_HOST") == "0.0.0.0", f"compose {name} listens on 0.0.0.0")
            for var in ("CONCIERGE_DATABASE_URL", "CONCIERGE_MIGRATION_DATABASE_URL", "CONCIERGE_REDIS_URL"):
                check(
                    "127.0.0.1" not in str(env.get(var, "")) and var in env,
                    f"compose {name} sets {var} to a service host name",
                )
        ports = [str(p) for p in (services.get("api") or {}).get("ports") or []]
        check(any(p.endswith(":8080") for p in ports), "compose publishes the api's 8080", f"ports {ports}")
        migrate = services.get("migrate") or {}
        check(migrate.get("command") == ["migrate"], "compose has a one-shot `migrate` service")
        for name in ("api", "worker", "scheduler"):
            dep = ((services.get(name) or {}).get("depends_on") or {}).get("migrate") or {}
            check(
                dep.get("condition") == "service_completed_successfully",
                f"compose {name} starts after migrate completed",
            )
        redis_cmd = " ".join((services.get("redis") or {}).get("command") or [])
        check("--appendonly yes" in redis_cmd, "compose Redis runs with appendonly")


def check_migration_hook():
    text = read(TEMPLATES / "migration-job.yaml")
    job = text[text.find("kind: Job"):]
    check(
        "helm.sh/hook: pre-install,pre-upgrade" in job and 'args: ["migrate"]' in job,
        "the migration Job is a pre-install,pre-upgrade hook running `migrate`",
    )


def check_shell_scripts():
    scripts = sorted(ROOT.glob("scripts/*.sh")) + sorted(DOCKER.glob("*.sh"))
    if (ROOT / ".ci" / "run").exists():
        scripts.append(ROOT / ".ci" / "run")
    bad = []
    for path in scripts:
        result = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
        if result.returncode != 0:
            bad.append(f"{rel(path)}: {result.stderr.strip()}")
    check(not bad, f"{len(scripts)} shell scripts pass bash -n", "; ".join(bad))
    not_exec = [rel(p) for p in scripts if not os.access(p, os.X_OK)]
    if not_exec:
        warnings.append(f"not executable: {', '.join(not_exec)}")


# --- optional deeper checks ------------------------------------------------------------
def check_rendered(parsed):
    try:
        import helm_python as helm  # type: ignore
    except ImportError:
        warnings.append("helm_python not installed: chart not rendered (make check-deploy-full renders it)")
        return
    try:
        import kubernetes_validate  # type: ignore
    except ImportError:
        kubernetes_validate = None
        warnings.append("kubernetes_validate not installed: rendered manifests not schema-checked")
    chart = helm.Chart.load(str(CHART))
    for name in sorted(parsed):
        overlay = {} if name == "values.yaml" else parsed[name]
        try:
            manifests = chart.render(overlay, name="concierge", namespace="concierge", is_install=True)
        except Exception as error:  # noqa: BLE001 - report any render failure
            check(False, f"helm renders the chart with {name}", str(error))
            continue
        docs = []
        for path, text in manifests.items():
            if path.endswith("NOTES.txt"):
                continue
            docs.extend(d for d in yaml.safe_load_all(text) if d)
        passed.append(f"helm renders the chart with {name} ({len(docs)} objects)")
        lint = helm.lint(str(CHART), overlay, strict=True, kube_version="v1.30.0")
        problems = list(lint.get("errors") or []) + [
            f"{m['path']}: {m['error']}" for m in lint.get("messages") or [] if m.get("severity", 0) >= 2
        ]
        check(not problems, f"helm lint --strict with {name}", "; ".join(problems))
        deployments = {d["metadata"]["name"]: d for d in docs if d.get("kind") == "Deployment"}
        for comp, port in CONTRACT_PORTS.items():
            dep = deployments.get(f"concierge-{comp}")
            if not check(dep is not None, f"[{name}] renders Deployment concierge-{comp}"):
                continue
            container = dep["spec"]["template"]["spec"]["containers"][0]
            ports = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
            ready = container.get("readinessProbe", {}).get("httpGet", {})
            live = container.get("livenessProbe", {}).get("httpGet", {})
            check(
                ports.get("http") == port
                and ready.get("path") == "/readyz" and ready.get("port") == "http"
                and live.get("path") == "/healthz" and live.get("port") == "http",
                f"[{name}] concierge-{comp} probes /readyz and /healthz on {port}",
                f"ports {ports}, readiness {ready}, liveness {live}",
            )
        check_rendered_attachments(name, docs, merge(parsed.get("values.yaml") or {}, overlay))
        if kubernetes_validate is not None:
            errors = []
            for doc in docs:
                try:
                    kubernetes_validate.validate(doc, "1.30.0", strict=True)
                except Exception as error:  # noqa: BLE001
                    errors.append(f"{doc.get('kind')}/{doc['metadata'].get('name')}: {str(error).splitlines()[0]}")
            check(not errors, f"[{name}] manifests match the Kubernetes 1.30 schemas", "; ".join(errors))


def check_rendered_attachments(name, docs, values):
    config = next(
        (d for d in docs if d.get("kind") == "ConfigMap" and d["metadata"]["name"] == "concierge"), None
    )
    directory = ((config or {}).get("data") or {}).get("CONCIERGE_ATTACHMENTS_DIR")
    check(
        directory == values["attachments"]["directory"]
        and ((config or {}).get("data") or {}).get("CONCIERGE_ATTACHMENT_MAX_BYTES") == str(values["attachments"]["maxBytes"]),
        f"[{name}] the ConfigMap carries the attachments directory and size limit",
        f"got {((config or {}).get('data') or {})}",
    )
    persistence = values["attachments"]["persistence"]
    claims = {d["metadata"]["name"]: d for d in docs if d.get("kind") == "PersistentVolumeClaim"}
    if persistence["enabled"] and not persistence["existingClaim"]:
        claim = claims.get("concierge-attachments")
        check(
            claim is not None and claim["spec"]["accessModes"] == persistence["accessModes"],
            f"[{name}] renders PVC concierge-attachments with accessModes {persistence['accessModes']}",
            f"claims {sorted(claims)}",
        )
        expected_claim = "concierge-attachments"
    else:
        check(not claims, f"[{name}] renders no PVC (persistence off or existingClaim)", f"claims {sorted(claims)}")
        expected_claim = persistence["existingClaim"] if persistence["enabled"] else None
    deployments = {d["metadata"]["name"]: d for d in docs if d.get("kind") == "Deployment"}
    for comp in ("api", "worker"):
        dep = deployments.get(f"concierge-{comp}")
        if dep is None:
            continue
        spec = dep["spec"]["template"]["spec"]
        mounts = {m["name"]: m["mountPath"] for m in spec["containers"][0].get("volumeMounts", [])}
        volumes = {v["name"]: v for v in spec.get("volumes", [])}
        volume = volumes.get("attachments") or {}
        claim = (volume.get("persistentVolumeClaim") or {}).get("claimName")
        ok = mounts.get("attachments") == directory and (
            claim == expected_claim if expected_claim else "emptyDir" in volume
        )
        check(
            ok,
            f"[{name}] concierge-{comp} mounts the attachments volume at {directory}",
            f"mounts {mounts}, volume {volume}",
        )


def check_compose_schema():
    try:
        import check_jsonschema  # type: ignore  # noqa: F401
    except ImportError:
        warnings.append("check_jsonschema not installed: compose.yaml not checked against the Compose schema (make check-deploy-full)")
        return
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec", str(DOCKER / "compose.yaml")],
        capture_output=True,
        text=True,
    )
    check(result.returncode == 0, "docker/compose.yaml matches the Compose specification schema", result.stdout + result.stderr)


def main() -> int:
    parsed, compose = check_yaml_files()
    values = parsed.get("values.yaml") or {}
    if values:
        check_values_references(values)
        check_overlays(parsed)
        check_documented_vars(values)
        check_ports(values, compose)
        check_attachments(parsed, compose)
    check_configuration_reads()
    check_binaries()
    check_migration_hook()
    check_shell_scripts()
    check_rendered(parsed)
    check_compose_schema()

    total = len(passed) + len(failures)
    verdict = f"FAILED ({len(failures)} of {total} checks)" if failures else f"OK ({total} checks)"
    print(f"check-deploy: {verdict}, {len(warnings)} warning(s)")
    for warning in warnings:
        print(f"  warning: {warning}")
    for failure in failures:
        print(f"  FAIL: {failure}")
    if "-v" in sys.argv[1:]:
        for item in passed:
            print(f"  ok: {item}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
