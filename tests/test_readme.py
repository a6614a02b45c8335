from pathlib import Path

from newswire.readme import render

README = Path(__file__).parent.parent / "README.md"


def test_readme_data_dictionary_is_generated_from_the_schemas():
    text = README.read_text(encoding="utf-8")
    assert render(text) == text, "run `newswire dictionary --update-readme README.md`"


def test_readme_first_two_commands_are_make_run_and_make_test():
    commands = [line.split("#")[0].strip() for line in README.read_text(encoding="utf-8").splitlines()
                if line.startswith("make ")]
    assert commands[:2] == ["make run", "make test"]
