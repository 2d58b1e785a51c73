"""Form configuration: a new 组团 drawn in QGIS gets the next code; land-use codes are picked by name."""
from helpers import memory_layer
from qgis.core import QgsVectorLayerUtils

RECT = "POLYGON((500000 2440000, 500100 2440000, 500100 2440100, 500000 2440100, 500000 2440000))"


def test_new_cluster_gets_next_code_and_defaults(plugin):
    from zutuan.plugin.gui.forms import configure_plan_layer

    layer = memory_layer([RECT, RECT], fields=(("ZTBH", "string"), ("KFFQ", "integer")),
                         attrs=[("Z01", 1), ("Z07", 2)])
    configure_plan_layer(layer, "cluster")
    feat = QgsVectorLayerUtils.createFeature(layer)
    assert feat["ZTBH"] == "Z08" and feat["KFFQ"] == 1
    assert layer.attributeAlias(0) == "组团编号"


def test_new_plot_gets_next_code_in_its_unit_and_land_use_pick_list(plugin):
    from zutuan.plugin.gui.forms import configure_plan_layer

    layer = memory_layer([RECT, RECT, RECT], fields=(("DKBH", "string"), ("DYBH", "string"), ("YDYHFLDM", "string"),
                                                     ("YDYHFLMC", "string")),
                         attrs=[("Z01-01-01", "Z01-01", "100101", "一类工业用地"), ("Z01-01-02", "Z01-01", None, None),
                                ("Z01-02-05", "Z01-02", None, None)])
    configure_plan_layer(layer, "plot")
    from qgis.core import QgsFeature

    feat = QgsFeature(layer.fields())
    feat.setAttributes([None, "Z01-02", "1101", None])
    assert layer.defaultValue(0, feat) == "Z01-02-06"  # the next plot code within its unit
    assert layer.defaultValue(3, feat) == "物流仓储用地"  # the name follows the picked code
    setup = layer.editorWidgetSetup(2)
    assert setup.type() == "ValueMap"
    labels = [list(d)[0] for d in setup.config()["map"]]
    assert "100101 一类工业用地" in labels and len(labels) == 175
