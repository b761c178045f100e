"""adapt.grammar.import_hiding: Lark loads without the `regex` package, and a module that
needs the hidden one is imported as usual."""
import subprocess
import sys

from adapt.grammar import import_hiding
from conftest import ROOT


def test_the_prose_reader_loads_lark_without_regex():
    code = ("import sys; from adapt.readers.prose import read_prose; "
            "s = read_prose('\"Yes,\" said Ann.\\n\\nHe left.'); "
            "print('regex' in sys.modules, len(s.blocks), [x.kind for x in s.blocks[0].spans])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.split(None, 2)
    assert out[:2] == ["False", "2"]
    assert out[2].strip() == "['quote', 'narration']"


def test_a_module_that_needs_the_hidden_one_is_imported_as_usual(tmp_path, monkeypatch):
    (tmp_path / "needs_json_pkg").mkdir()
    (tmp_path / "needs_json_pkg" / "__init__.py").write_text("import json\nVALUE = json.dumps([1])\n")
    (tmp_path / "needs_json_pkg" / "part.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "json")        # (so that it is hidden)
    try:
        module = import_hiding("needs_json_pkg", "json")
        assert module.VALUE == "[1]"
        assert sys.modules["json"] is not None and "needs_json_pkg" in sys.modules
    finally:
        sys.modules.pop("needs_json_pkg", None)
