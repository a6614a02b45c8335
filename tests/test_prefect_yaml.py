"""The shipped prefect.yaml deploys the real flow with parameters it accepts."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import yaml
from prefect.schedules import Cron

ROOT = Path(__file__).resolve().parent.parent


def test_every_deployment_names_the_release_flow_and_its_own_parameters():
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    assert spec["deployments"]
    for deployment in spec["deployments"]:
        path, name = deployment["entrypoint"].split(":")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        flow = getattr(module, name)
        accepted = inspect.signature(flow.fn).parameters
        assert set(deployment["parameters"]) <= set(accepted), set(deployment["parameters"]) - set(accepted)
        assert deployment["concurrency_limit"] == 1  # a schedule never starts a second run over a running one
        for schedule in deployment["schedules"]:
            Cron(schedule["cron"])
