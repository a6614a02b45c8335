"""The `newswire` command. Parses arguments, sets up a quiet project-local Prefect, calls flows."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def configure_prefect(project_dir: Path) -> None:
    """Ephemeral Prefect with its state under the project, quiet and offline (see ../shared/STACK.md)."""
    defaults = {
        "PREFECT_HOME": str(project_dir / ".prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_UI_ENABLED": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
        "GX_ANALYTICS_ENABLED": "false",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)


def _run(args: argparse.Namespace) -> int:
    configure_prefect(Path.cwd())
    from flows.pipeline import release_flow
    from newswire.release import ReleaseLocked
    from newswire.validation import ReleaseBlocked

    try:
        summary = release_flow(raw_dir=str(args.raw), out_dir=str(args.out), batch_size=args.batch_size,
                               lock_wait=args.wait, progress=not args.quiet)
    except (ReleaseBlocked, ReleaseLocked, FileNotFoundError) as error:
        print(f"newswire: {error}", file=sys.stderr)
        return 1
    for stage, figures in summary.counts.items():
        print(f"{stage:<12} " + "  ".join(f"{name}={value}" for name, value in figures.items()))
    state = "published" if summary.created else "unchanged, latest release kept"
    print(f"release {summary.version} {state}: {summary.release_path}")
    return 0


def _releases(args: argparse.Namespace) -> int:
    from newswire.release import latest_release, list_releases

    latest = latest_release(args.out)
    for manifest in list_releases(args.out):
        rows = " ".join(f"{t}={v['rows']}" for t, v in sorted(manifest["tables"].items()))
        outcome = manifest.get("validation", {}).get("outcome", "pandera passed")
        marker = "*" if latest is not None and latest.name == manifest["version"] else " "
        print(f"{marker} {manifest['version']}  {manifest['created']}  {outcome}  {rows}")
    return 0


def _dictionary(args: argparse.Namespace) -> int:
    from newswire.dictionary import data_dictionary
    from newswire.readme import update

    if args.update_readme:
        changed = update(args.update_readme)
        print(f"{args.update_readme}: data dictionary {'updated' if changed else 'already up to date'}")
    else:
        print(data_dictionary(), end="")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newswire", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the pipeline and publish a release")
    run.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw articles (default raw/)")
    run.add_argument("--out", type=Path, default=Path("processed"), help="releases folder (default processed/)")
    run.add_argument("--batch-size", type=int, default=200, help="articles per task batch")
    run.add_argument("--wait", type=float, default=600.0, help="seconds to wait for another run's lock")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.set_defaults(handler=_run)
    releases = commands.add_parser("releases", help="list releases")
    releases.add_argument("--out", type=Path, default=Path("processed"))
    releases.set_defaults(handler=_releases)
    dictionary = commands.add_parser("dictionary", help="print the data dictionary (Markdown) from the schemas")
    dictionary.add_argument("--update-readme", type=Path, metavar="README",
                            help="rewrite the dictionary section of this README instead of printing")
    dictionary.set_defaults(handler=_dictionary)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
