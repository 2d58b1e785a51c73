"""algorithms/fields.py: which field of an outside plot layer holds each schema field (issue 14 item 8)."""
import numpy as np
import pandas as pd
import pytest

from algorithms.errors import InputError
from algorithms.fields import (
    load_variants,
    missing_field_error,
    missing_field_note,
    resolve_field,
    with_schema_names,
)
from algorithms.schema import FIELDS


def test_variants_table_has_a_source_for_every_name_and_the_schema_name_first():
    table = load_variants()
    assert set(table) == {"DKBH", "YDYHFLDM", "DYBH", "ZTBH", "GDZT", "HYDM"} <= set(FIELDS)
    for schema, names in table.items():
        assert names[0].name == schema and names[0].status == "schema"
        assert all(v.source and v.status in ("schema", "secondary", "unconfirmed") for v in names)
    assert [v.name for v in table["DKBH"]] == ["DKBH", "DKBM", "DKDM", "ZDDM"]
    assert [v.name for v in table["YDYHFLDM"]] == ["YDYHFLDM", "YDDM", "YDXZ", "DLBM"]
    dlbm = next(v for v in table["YDYHFLDM"] if v.name == "DLBM")
    assert "0601" in dlbm.caution   # 三调 0601 工业用地 ≠ 用地用海 0601 农村道路: said when DLBM is used


def _abc(choice):
    return choice.schema, choice.column, choice.how


def test_resolution_order_chosen_schema_recognised():
    df = pd.DataFrame({"DKBH": [None, None], "dkbm": ["A1", "A2"], "ZDDM": ["Z1", "Z2"], "XBH": ["X1", "X2"]})
    assert _abc(resolve_field(df, "DKBH", "XBH")) == ("DKBH", "XBH", "chosen")
    ch = resolve_field(df, "DKBH")          # the empty DKBH loses to the first recognised name with values
    assert (ch.column, ch.how, ch.variant.name) == ("dkbm", "recognised", "DKBM")
    assert resolve_field(df, "DKBH", "DKBH").column == "dkbm"     # the default value means "automatic"
    assert _abc(resolve_field(df[["DKBH"]], "DKBH")) == ("DKBH", "DKBH", "schema")  # only an empty DKBH: that one
    missing = resolve_field(df, "DYBH")
    assert (missing.column, missing.how, missing.names) == (None, "missing", ("DYBH", "DYBM"))
    wrong = resolve_field(df, "DKBH", "NOPE")
    assert (wrong.column, wrong.how, wrong.names) == (None, "chosen", ("NOPE",))


def test_schema_copies_hold_codes_as_text_and_keep_the_layer_columns():
    df = pd.DataFrame({"dkbh": ["A1", "A2", "A3"], "YDDM": [1001.0, np.nan, 1101.0], "GDZT": [1, 0, 1]})
    df.attrs["layer"] = "外来"
    choices = [resolve_field(df, s) for s in ("DKBH", "YDYHFLDM", "GDZT")]
    out = with_schema_names(df, choices)
    assert list(out.columns) == ["YDDM", "GDZT", "DKBH", "YDYHFLDM"]  # dkbh (a case variant) became DKBH
    assert out["YDYHFLDM"].tolist() == ["1001", None, "1101"] and out["YDDM"].iloc[0] == 1001.0
    assert out["GDZT"].tolist() == [1, 0, 1]       # a status stays as it is (1 = supplied)
    assert out["DKBH"].tolist() == ["A1", "A2", "A3"] and out.attrs["layer"] == "外来"
    assert list(df.columns) == ["dkbh", "YDDM", "GDZT"]  # the input is not modified


def test_messages_name_the_field_and_the_parameter():
    ch = resolve_field(pd.DataFrame({"MC": ["甲"]}), "DKBH")
    err = missing_field_error(ch, layer="外来地块", param="CODE_FIELD", label="地块编号字段")
    assert isinstance(err, InputError) and err.code == "E_FIELD_NOT_FOUND"
    assert "外来地块" in err.message_zh and "CODE_FIELD" in err.message_zh and "DKBM" in err.message_zh
    assert "plot code" in err.message_en and "CODE_FIELD" in err.message_en
    note = missing_field_note(resolve_field(pd.DataFrame({"MC": ["甲"]}), "ZTBH"), layer="外来地块",
                              param="CLUSTER_FIELD", label="组团编号字段")
    assert note.startswith("组团编号（ZTBH）为空") and "CLUSTER_FIELD" in note and "Cluster code" in note


@pytest.mark.parametrize("value,text", [(1001, "1001"), (1001.0, "1001"), (np.int64(7), "7"), ("0101", "0101"),
                                        (None, None), (float("nan"), None), (12.5, "12.5")])
def test_codes_read_as_text(value, text):
    df = pd.DataFrame({"YDDM": pd.Series([value], dtype=object)})
    out = with_schema_names(df, [resolve_field(df, "YDYHFLDM")])
    assert out["YDYHFLDM"].iloc[0] == text


@pytest.mark.parametrize("values", [["d1 ", None, "D2", ""], [None, None], ["  ", "", None], [1001, None, 1001.0],
                                    [np.nan, 2.5, None], ["D1", 3, None, True], [pd.Timestamp("2024-01-01"), None]])
@pytest.mark.parametrize("dtype", [None, object])
def test_fast_paths_give_the_elementwise_answers(values, dtype):
    """_has_values (stopping at the first filled value) and _codes (a text column copied) agree with the elementwise
    map they stand in for, on text, blank, numeric, mixed and date columns."""
    from algorithms.fields import _as_code, _codes, _has_values

    s = pd.Series(values, dtype=dtype, index=[10 * k for k in range(len(values))])
    assert _has_values(s) is bool(s.map(lambda v: v is not None and v == v and str(v).strip() != "").any())
    pd.testing.assert_series_equal(_codes(s), s.map(_as_code).astype(object))
    numeric = pd.Series([np.nan, np.nan, 0.0])
    assert _has_values(numeric) and not _has_values(numeric[:2]) and not _has_values(pd.Series([], dtype=float))
