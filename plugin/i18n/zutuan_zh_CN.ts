<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
  <context>
    <name>zutuan</name>
    <message>
      <source>赋值控制指标</source>
      <translation>赋值控制指标</translation>
    </message>
    <message>
      <source>为每个地块填写控制指标（容积率上下限、建筑系数、建筑密度、绿地率上限、行政办公及生活服务设施用地比例、投资强度下限、建筑限高、产出强度、地均税收），并在 ZBLY 字段写明每项指标的来源；没有数值的指标写明原因（如“未赋值：2008标准不适用于物流仓储用地(1101)”“未赋值：无限高来源”），数值字段保持为空。优先顺序：地块自有值 &gt; 覆盖表（按 DKBH、DYBH、HYDM、YDYHFLDM）&gt; 单元默认值 &gt; 组团默认值 &gt; 标准按行业 &gt; 标准按用地类别。行业代码按 GB/T 4754-2017 填写（如 C26、2611），自动对应到 2008 版表格所用的 2002 版大类。2008 版投资强度表的数值没有可查来源，留空；需要它的检查报告“未检查：无标准值”，不会当作通过。地方配置文件（YAML）可收紧或增加指标（可按万元/亩填写，自动×15 换算为万元/公顷），宽于国家约束性指标的值被拒绝。2020 试行版用地代码自动识别并迁移到 2023 版，无效代码给出最接近的有效代码。地区分类目前只接受 一类–七类；土地等别与地区分类的对应关系未核实，未内置。派生：计容建筑面积 JRJZMJ = 容积率下限 × 用地面积，最低固定资产投资 ZDTZE = 投资强度 × 公顷，预计产值 YJCZ、预计税收 YJSS。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</source>
      <translation>为每个地块填写控制指标（容积率上下限、建筑系数、建筑密度、绿地率上限、行政办公及生活服务设施用地比例、投资强度下限、建筑限高、产出强度、地均税收），并在 ZBLY 字段写明每项指标的来源；没有数值的指标写明原因（如“未赋值：2008标准不适用于物流仓储用地(1101)”“未赋值：无限高来源”），数值字段保持为空。优先顺序：地块自有值 &gt; 覆盖表（按 DKBH、DYBH、HYDM、YDYHFLDM）&gt; 单元默认值 &gt; 组团默认值 &gt; 标准按行业 &gt; 标准按用地类别。行业代码按 GB/T 4754-2017 填写（如 C26、2611），自动对应到 2008 版表格所用的 2002 版大类。2008 版投资强度表的数值没有可查来源，留空；需要它的检查报告“未检查：无标准值”，不会当作通过。地方配置文件（YAML）可收紧或增加指标（可按万元/亩填写，自动×15 换算为万元/公顷），宽于国家约束性指标的值被拒绝。2020 试行版用地代码自动识别并迁移到 2023 版，无效代码给出最接近的有效代码。地区分类目前只接受 一类–七类；土地等别与地区分类的对应关系未核实，未内置。派生：计容建筑面积 JRJZMJ = 容积率下限 × 用地面积，最低固定资产投资 ZDTZE = 投资强度 × 公顷，预计产值 YJCZ、预计税收 YJSS。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</translation>
    </message>
    <message>
      <source>地块图层</source>
      <translation>地块图层</translation>
    </message>
    <message>
      <source>地块（DKBH、YDYHFLDM、HYDM；已有的指标值保留）/ plots; existing control values are kept</source>
      <translation>地块（DKBH、YDYHFLDM、HYDM；已有的指标值保留）/ plots; existing control values are kept</translation>
    </message>
    <message>
      <source>单元的指标字段作为其地块的默认值 / unit controls are defaults for their plots</source>
      <translation>单元的指标字段作为其地块的默认值 / unit controls are defaults for their plots</translation>
    </message>
    <message>
      <source>组团的指标字段作为其地块的默认值 / cluster controls are defaults for their plots</source>
      <translation>组团的指标字段作为其地块的默认值 / cluster controls are defaults for their plots</translation>
    </message>
    <message>
      <source>2008 版为第三方转载一致的数值；2023 版数值未核实 / the 2023 profile is unconfirmed</source>
      <translation>2008 版为第三方转载一致的数值；2023 版数值未核实 / the 2023 profile is unconfirmed</translation>
    </message>
    <message>
      <source>收紧或增加指标的地方配置，见 resources/standards/examples / a local profile tightening the national one</source>
      <translation>收紧或增加指标的地方配置，见 resources/standards/examples / a local profile tightening the national one</translation>
    </message>
    <message>
      <source>投资强度表的地区分类 / region class of the investment-intensity table</source>
      <translation>投资强度表的地区分类 / region class of the investment-intensity table</translation>
    </message>
    <message>
      <source>按 DKBH/DYBH/HYDM/YDYHFLDM 指定指标；TZQD_MU 等列按万元/亩 / overrides keyed by code</source>
      <translation>按 DKBH/DYBH/HYDM/YDYHFLDM 指定指标；TZQD_MU 等列按万元/亩 / overrides keyed by code</translation>
    </message>
    <message>
      <source>与覆盖表相同，来自图层或无几何表 / the same as a layer or table</source>
      <translation>与覆盖表相同，来自图层或无几何表 / the same as a layer or table</translation>
    </message>
    <message>
      <source>自动：出现 2020 独有代码即按 2020 读取并迁移 / auto-detect the code edition</source>
      <translation>自动：出现 2020 独有代码即按 2020 读取并迁移 / auto-detect the code edition</translation>
    </message>
    <message>
      <source>地块及指标、来源 ZBLY、派生值 / plots with controls, sources and derived values</source>
      <translation>地块及指标、来源 ZBLY、派生值 / plots with controls, sources and derived values</translation>
    </message>
    <message>
      <source>无效代码、缺行业代码、未检查项 / unknown codes, missing industry codes, not-checked items</source>
      <translation>无效代码、缺行业代码、未检查项 / unknown codes, missing industry codes, not-checked items</translation>
    </message>
    <message>
      <source>单元图层（可选，继承默认值）</source>
      <translation>单元图层（可选，继承默认值）</translation>
    </message>
    <message>
      <source>组团图层（可选，继承默认值）</source>
      <translation>组团图层（可选，继承默认值）</translation>
    </message>
    <message>
      <source>国家标准配置</source>
      <translation>国家标准配置</translation>
    </message>
    <message>
      <source>地方配置文件（可选，YAML）</source>
      <translation>地方配置文件（可选，YAML）</translation>
    </message>
    <message>
      <source>地区分类（投资强度用）</source>
      <translation>地区分类（投资强度用）</translation>
    </message>
    <message>
      <source>覆盖表（可选，CSV 或 xlsx）</source>
      <translation>覆盖表（可选，CSV 或 xlsx）</translation>
    </message>
    <message>
      <source>覆盖表图层（可选）</source>
      <translation>覆盖表图层（可选）</translation>
    </message>
    <message>
      <source>用地用海分类版本</source>
      <translation>用地用海分类版本</translation>
    </message>
    <message>
      <source>带控制指标的地块</source>
      <translation>带控制指标的地块</translation>
    </message>
    <message>
      <source>问题清单</source>
      <translation>问题清单</translation>
    </message>
    <message>
      <source>计容建筑面积合计（平方米）</source>
      <translation>计容建筑面积合计（平方米）</translation>
    </message>
    <message>
      <source>最低固定资产投资合计（万元）</source>
      <translation>最低固定资产投资合计（万元）</translation>
    </message>
    <message>
      <source>未检查项数</source>
      <translation>未检查项数</translation>
    </message>
    <message>
      <source>工业项目建设用地控制指标（2008）</source>
      <translation>工业项目建设用地控制指标（2008）</translation>
    </message>
    <message>
      <source>工业项目建设用地控制指标（2023，未核实）</source>
      <translation>工业项目建设用地控制指标（2023，未核实）</translation>
    </message>
    <message>
      <source>自动识别</source>
      <translation>自动识别</translation>
    </message>
    <message>
      <source>2020 试行</source>
      <translation>2020 试行</translation>
    </message>
    <message>
      <source>未指定</source>
      <translation>未指定</translation>
    </message>
    <message>
      <source>一类</source>
      <translation>一类</translation>
    </message>
    <message>
      <source>二类</source>
      <translation>二类</translation>
    </message>
    <message>
      <source>三类</source>
      <translation>三类</translation>
    </message>
    <message>
      <source>四类</source>
      <translation>四类</translation>
    </message>
    <message>
      <source>五类</source>
      <translation>五类</translation>
    </message>
    <message>
      <source>六类</source>
      <translation>六类</translation>
    </message>
    <message>
      <source>七类</source>
      <translation>七类</translation>
    </message>
    <message>
      <source>布局</source>
      <translation>布局</translation>
    </message>
    <message>
      <source>指标</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>审查</source>
      <translation>审查</translation>
    </message>
    <message>
      <source>导出</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>测算</source>
      <translation>测算</translation>
    </message>
    <message>
      <source>监测</source>
      <translation>监测</translation>
    </message>
    <message>
      <source>地块编号字段</source>
      <translation>地块编号字段</translation>
    </message>
    <message>
      <source>地块编号所在字段（默认 DKBH）；留空或图层没有该字段时识别常用名称（DKBM、ZDDM 等，见 resources/standards/field_variants.csv） / the field holding the plot code (DKBH by default); empty or absent: a usual name is recognised</source>
      <translation>地块编号所在字段（默认 DKBH）；留空或图层没有该字段时识别常用名称（DKBM、ZDDM 等，见 resources/standards/field_variants.csv） / the field holding the plot code (DKBH by default); empty or absent: a usual name is recognised</translation>
    </message>
    <message>
      <source>用地用海分类代码字段</source>
      <translation>用地用海分类代码字段</translation>
    </message>
    <message>
      <source>用地用海分类代码（如 1001）所在字段（默认 YDYHFLDM）；留空或图层没有该字段时识别常用名称（YDDM、YDXZ、DLBM 等） / the field holding the land/sea-use code (YDYHFLDM by default); empty or absent: a usual name is recognised</source>
      <translation>用地用海分类代码（如 1001）所在字段（默认 YDYHFLDM）；留空或图层没有该字段时识别常用名称（YDDM、YDXZ、DLBM 等） / the field holding the land/sea-use code (YDYHFLDM by default); empty or absent: a usual name is recognised</translation>
    </message>
    <message>
      <source>单元编号字段</source>
      <translation>单元编号字段</translation>
    </message>
    <message>
      <source>单元编号所在字段（默认 DYBH）；留空或图层没有该字段时识别常用名称 / the field holding the unit code (DYBH by default); empty or absent: a usual name is recognised</source>
      <translation>单元编号所在字段（默认 DYBH）；留空或图层没有该字段时识别常用名称 / the field holding the unit code (DYBH by default); empty or absent: a usual name is recognised</translation>
    </message>
    <message>
      <source>组团编号字段</source>
      <translation>组团编号字段</translation>
    </message>
    <message>
      <source>组团编号所在字段（默认 ZTBH）；没有时由单元或地块编号的前缀推出 / the field holding the cluster code (ZTBH by default); absent: from the unit or plot code prefix</source>
      <translation>组团编号所在字段（默认 ZTBH）；没有时由单元或地块编号的前缀推出 / the field holding the cluster code (ZTBH by default); absent: from the unit or plot code prefix</translation>
    </message>
    <message>
      <source>供地状态字段</source>
      <translation>供地状态字段</translation>
    </message>
    <message>
      <source>供地状态所在字段（默认 GDZT），取值“已供地”为已供地 / the field holding the land supply status (GDZT by default)</source>
      <translation>供地状态所在字段（默认 GDZT），取值“已供地”为已供地 / the field holding the land supply status (GDZT by default)</translation>
    </message>
    <message>
      <source>行业代码字段</source>
      <translation>行业代码字段</translation>
    </message>
    <message>
      <source>GB/T 4754-2017 行业代码所在字段（默认 HYDM） / the field holding the GB/T 4754-2017 industry code (HYDM by default)</source>
      <translation>GB/T 4754-2017 行业代码所在字段（默认 HYDM） / the field holding the GB/T 4754-2017 industry code (HYDM by default)</translation>
    </message>
    <message>
      <source>中文报告，可打印为 PDF / Chinese report</source>
      <translation>中文报告，可打印为 PDF / Chinese report</translation>
    </message>
    <message>
      <source>合规地块数</source>
      <translation>合规地块数</translation>
    </message>
    <message>
      <source>不合规地块数</source>
      <translation>不合规地块数</translation>
    </message>
    <message>
      <source>需核实地块数</source>
      <translation>需核实地块数</translation>
    </message>
    <message>
      <source>审查结果地块</source>
      <translation>审查结果地块</translation>
    </message>
    <message>
      <source>审查报告（HTML）</source>
      <translation>审查报告（HTML）</translation>
    </message>
    <message>
      <source>构建层级编码与拓扑检查</source>
      <translation>构建层级编码与拓扑检查</translation>
    </message>
    <message>
      <source>用于手绘或导入的组团、单元、地块图层：按空间包含关系（面积最大的上级）赋予或校验编码（组团 Z01、单元 Z01-01、地块 Z01-01-01，已有的有效编码默认保留），并检查重叠、空隙（上级内未被下级覆盖的部分）、碎片、跨越上级边界、不在任何上级内、编码重复、格式错误、编码与上级不符以及无效几何。每个问题输出为带位置的问题图斑，可逐条缩放定位。</source>
      <translation>用于手绘或导入的组团、单元、地块图层：按空间包含关系（面积最大的上级）赋予或校验编码（组团 Z01、单元 Z01-01、地块 Z01-01-01，已有的有效编码默认保留），并检查重叠、空隙（上级内未被下级覆盖的部分）、碎片、跨越上级边界、不在任何上级内、编码重复、格式错误、编码与上级不符以及无效几何。每个问题输出为带位置的问题图斑，可逐条缩放定位。</translation>
    </message>
    <message>
      <source>按包含关系和主轴顺序编号 / assign codes by containment and main-axis order</source>
      <translation>按包含关系和主轴顺序编号 / assign codes by containment and main-axis order</translation>
    </message>
    <message>
      <source>否：有效且与上级一致的已有编码保留 / keep valid consistent codes when off</source>
      <translation>否：有效且与上级一致的已有编码保留 / keep valid consistent codes when off</translation>
    </message>
    <message>
      <source>小于此面积的重叠和空隙不报告 / overlaps and gaps below this are ignored</source>
      <translation>小于此面积的重叠和空隙不报告 / overlaps and gaps below this are ignored</translation>
    </message>
    <message>
      <source>小于此面积的要素报告为碎片 / features below this are slivers</source>
      <translation>小于此面积的要素报告为碎片 / features below this are slivers</translation>
    </message>
    <message>
      <source>重叠、空隙、碎片、越界、编码问题、无效几何 / topology and code findings</source>
      <translation>重叠、空隙、碎片、越界、编码问题、无效几何 / topology and code findings</translation>
    </message>
    <message>
      <source>ZTBH 组团编号 / clusters</source>
      <translation>ZTBH 组团编号 / clusters</translation>
    </message>
    <message>
      <source>DYBH 单元编号 / units</source>
      <translation>DYBH 单元编号 / units</translation>
    </message>
    <message>
      <source>DKBH 地块编号 / plots</source>
      <translation>DKBH 地块编号 / plots</translation>
    </message>
    <message>
      <source>编号所在字段（默认为数据模型字段名）；留空或没有时识别常用名称，仍没有则按“赋予编码”编号 / the code field (the schema name by default); empty or absent: a usual name is recognised, else codes are assigned</source>
      <translation>编号所在字段（默认为数据模型字段名）；留空或没有时识别常用名称，仍没有则按“赋予编码”编号 / the code field (the schema name by default); empty or absent: a usual name is recognised, else codes are assigned</translation>
    </message>
    <message>
      <source>输入要素及编码 / input features with codes</source>
      <translation>输入要素及编码 / input features with codes</translation>
    </message>
    <message>
      <source>赋予编码</source>
      <translation>赋予编码</translation>
    </message>
    <message>
      <source>覆盖已有编码</source>
      <translation>覆盖已有编码</translation>
    </message>
    <message>
      <source>重叠/空隙容差（平方米）</source>
      <translation>重叠/空隙容差（平方米）</translation>
    </message>
    <message>
      <source>碎片面积（平方米）</source>
      <translation>碎片面积（平方米）</translation>
    </message>
    <message>
      <source>错误数</source>
      <translation>错误数</translation>
    </message>
    <message>
      <source>警告数</source>
      <translation>警告数</translation>
    </message>
    <message>
      <source>组团图层（可选）</source>
      <translation>组团图层（可选）</translation>
    </message>
    <message>
      <source>单元图层（可选）</source>
      <translation>单元图层（可选）</translation>
    </message>
    <message>
      <source>地块图层（可选）</source>
      <translation>地块图层（可选）</translation>
    </message>
    <message>
      <source>编码后的组团</source>
      <translation>编码后的组团</translation>
    </message>
    <message>
      <source>编码后的单元</source>
      <translation>编码后的单元</translation>
    </message>
    <message>
      <source>编码后的地块</source>
      <translation>编码后的地块</translation>
    </message>
    <message>
      <source>计算用地面积</source>
      <translation>计算用地面积</translation>
    </message>
    <message>
      <source>在投影米制坐标系中计算每个面要素的用地面积，写入 YDMJ（平方米）、MJGQ（公顷）、MJMU（亩）。投影坐标系只有在数据范围内面积变形不超过 0.1%（按数据四角、边中点和中心的面积比例因子计算）时才直接用于量算；否则（如 Web 墨卡托 EPSG:3857）以及经纬度数据（CGCS2000 或 WGS 84）都投影到所在的 CGCS2000 三度带高斯-克吕格坐标系量算，并在日志中说明。坐标与坐标系不符（如带号坐标配了不带带号的坐标系、米制坐标配了经纬度坐标系）时停止并说明应改用的坐标系；无坐标系的图层被拒绝；无效几何自动修复并提示，空几何跳过；曲线（圆弧）按最大偏差线性化（默认 0.01 米），日志给出线性化的要素数。输入图层不会被修改。1 公顷 = 10000 平方米 = 15 亩。</source>
      <translation>在投影米制坐标系中计算每个面要素的用地面积，写入 YDMJ（平方米）、MJGQ（公顷）、MJMU（亩）。投影坐标系只有在数据范围内面积变形不超过 0.1%（按数据四角、边中点和中心的面积比例因子计算）时才直接用于量算；否则（如 Web 墨卡托 EPSG:3857）以及经纬度数据（CGCS2000 或 WGS 84）都投影到所在的 CGCS2000 三度带高斯-克吕格坐标系量算，并在日志中说明。坐标与坐标系不符（如带号坐标配了不带带号的坐标系、米制坐标配了经纬度坐标系）时停止并说明应改用的坐标系；无坐标系的图层被拒绝；无效几何自动修复并提示，空几何跳过；曲线（圆弧）按最大偏差线性化（默认 0.01 米），日志给出线性化的要素数。输入图层不会被修改。1 公顷 = 10000 平方米 = 15 亩。</translation>
    </message>
    <message>
      <source>要量算面积的面图层（组团、单元、地块或任意面） / polygons to measure</source>
      <translation>要量算面积的面图层（组团、单元、地块或任意面） / polygons to measure</translation>
    </message>
    <message>
      <source>留空：投影坐标系用其本身，经纬度用所在 CGCS2000 三度带 / empty: automatic</source>
      <translation>留空：投影坐标系用其本身，经纬度用所在 CGCS2000 三度带 / empty: automatic</translation>
    </message>
    <message>
      <source>问题清单中标识要素的编号；留空时取地块、单元或组团编号（含常用名称，如 DKBM、ZDDM） / the code naming features in the findings; empty: the plot, unit or cluster code (usual names recognised)</source>
      <translation>问题清单中标识要素的编号；留空时取地块、单元或组团编号（含常用名称，如 DKBM、ZDDM） / the code naming features in the findings; empty: the plot, unit or cluster code (usual names recognised)</translation>
    </message>
    <message>
      <source>输入要素及面积字段 YDMJ、MJGQ、MJMU / input features with area fields</source>
      <translation>输入要素及面积字段 YDMJ、MJGQ、MJMU / input features with area fields</translation>
    </message>
    <message>
      <source>圆弧等曲线转为折线时与原弧的最大距离 / maximum distance of the straight segments from the arcs</source>
      <translation>圆弧等曲线转为折线时与原弧的最大距离 / maximum distance of the straight segments from the arcs</translation>
    </message>
    <message>
      <source>输入面图层</source>
      <translation>输入面图层</translation>
    </message>
    <message>
      <source>量算坐标系（留空自动选择）</source>
      <translation>量算坐标系（留空自动选择）</translation>
    </message>
    <message>
      <source>编号字段（可选）</source>
      <translation>编号字段（可选）</translation>
    </message>
    <message>
      <source>带面积的图层</source>
      <translation>带面积的图层</translation>
    </message>
    <message>
      <source>曲线线性化最大偏差（米）</source>
      <translation>曲线线性化最大偏差（米）</translation>
    </message>
    <message>
      <source>总面积（平方米）</source>
      <translation>总面积（平方米）</translation>
    </message>
    <message>
      <source>总面积（公顷）</source>
      <translation>总面积（公顷）</translation>
    </message>
    <message>
      <source>总面积（亩）</source>
      <translation>总面积（亩）</translation>
    </message>
    <message>
      <source>量算坐标系</source>
      <translation>量算坐标系</translation>
    </message>
    <message>
      <source>现金流测算</source>
      <translation>现金流测算</translation>
    </message>
    <message>
      <source>按滚动开发分期（单元已有 KFFQ 时按其分期，否则按“滚动开发分期”的规则自动分期）逐季度测算 40 个季度的现金流：需调整用地不计入，已供地不计征地、不再出让。收支来自规划本身：土地收入按地块用地类别的地价（参数文件 land_use 表，地块地价字段优先）和供地方式（出让；弹性出让按年期修正系数；先租后让先收租金、期满收取剩余年期出让价款；长期租赁按季收租；供地方式字段或默认方式）计算；开发主体按用地类别的比例建设标准厂房，建筑面积 = 用地面积 × 容积率（地块容积率下限 RJLXX），建安成本、售价和租金按用地类别，出租率按爬坡期上升；地均税收与产出强度取各地块的控制指标（DJSS、CCQD），其次取用地类别的值，企业投产后按爬坡期达产。征地拆迁、七通一平、道路（按道路图层的等级和长度）、市政管网、公共配套、运营等支出照常计算。测算起始季度取规划元数据的编制年份（或参数 START_YEAR），目标基准年取规划元数据 JZNF，摘要中写明来源。多个参与方：平台公司、按权益比例（及飞地税收分成）分配的合作方、政府资金（预算内投资补助、专项债，按参数的比例、额度、利率、期限和还本方式）和存量债务，各自的现金流、净现值与最大资金需求。输出 Excel 工作簿（测算摘要、分期表、现金流量表、组团与分期现金流、敏感性分析（地价、建设成本、去化速度、出租率、税收）、地价 × 出租率双因素表、发展目标、参与方汇总与各参与方现金流、调整建议、参数），可选 CSV、各期累计现金流图和敏感性龙卷风图（PNG/SVG）。勾选“搜索调整建议”时，在规则允许的范围内（用途调整须符合规划分区兼容表并按标准重新赋值控制指标，容积率在标准与地块上限之内，供地方式，分期顺序与每期规模；需调整用地不动）搜索达到净现值、资金峰值和发展目标且改动最少的方案，列入“调整建议”表并写入日志；搜索按随机种子确定、有时间上限。净现值与内部收益率由 numpy-financial 计算（融资前项目现金流）；融资计划按债务与资本金比例覆盖每季资金缺口。金额单位万元；默认参数仅为示意性假设，须以本开发区数据替换。</source>
      <translation>按滚动开发分期（单元已有 KFFQ 时按其分期，否则按“滚动开发分期”的规则自动分期）逐季度测算 40 个季度的现金流：需调整用地不计入，已供地不计征地、不再出让。收支来自规划本身：土地收入按地块用地类别的地价（参数文件 land_use 表，地块地价字段优先）和供地方式（出让；弹性出让按年期修正系数；先租后让先收租金、期满收取剩余年期出让价款；长期租赁按季收租；供地方式字段或默认方式）计算；开发主体按用地类别的比例建设标准厂房，建筑面积 = 用地面积 × 容积率（地块容积率下限 RJLXX），建安成本、售价和租金按用地类别，出租率按爬坡期上升；地均税收与产出强度取各地块的控制指标（DJSS、CCQD），其次取用地类别的值，企业投产后按爬坡期达产。征地拆迁、七通一平、道路（按道路图层的等级和长度）、市政管网、公共配套、运营等支出照常计算。测算起始季度取规划元数据的编制年份（或参数 START_YEAR），目标基准年取规划元数据 JZNF，摘要中写明来源。多个参与方：平台公司、按权益比例（及飞地税收分成）分配的合作方、政府资金（预算内投资补助、专项债，按参数的比例、额度、利率、期限和还本方式）和存量债务，各自的现金流、净现值与最大资金需求。输出 Excel 工作簿（测算摘要、分期表、现金流量表、组团与分期现金流、敏感性分析（地价、建设成本、去化速度、出租率、税收）、地价 × 出租率双因素表、发展目标、参与方汇总与各参与方现金流、调整建议、参数），可选 CSV、各期累计现金流图和敏感性龙卷风图（PNG/SVG）。勾选“搜索调整建议”时，在规则允许的范围内（用途调整须符合规划分区兼容表并按标准重新赋值控制指标，容积率在标准与地块上限之内，供地方式，分期顺序与每期规模；需调整用地不动）搜索达到净现值、资金峰值和发展目标且改动最少的方案，列入“调整建议”表并写入日志；搜索按随机种子确定、有时间上限。净现值与内部收益率由 numpy-financial 计算（融资前项目现金流）；融资计划按债务与资本金比例覆盖每季资金缺口。金额单位万元；默认参数仅为示意性假设，须以本开发区数据替换。</translation>
    </message>
    <message>
      <source>优先于规划元数据的编制年份与参数 schedule.start_year / wins over the plan's year and the parameter file</source>
      <translation>优先于规划元数据的编制年份与参数 schedule.start_year / wins over the plan's year and the parameter file</translation>
    </message>
    <message>
      <source>覆盖参数 schedule.start_quarter / overrides schedule.start_quarter</source>
      <translation>覆盖参数 schedule.start_quarter / overrides schedule.start_quarter</translation>
    </message>
    <message>
      <source>小数，如 0.08 表示 8%；写成 8 会被拒绝 / a fraction: 0.08 means 8 %</source>
      <translation>小数，如 0.08 表示 8%；写成 8 会被拒绝 / a fraction: 0.08 means 8 %</translation>
    </message>
    <message>
      <source>默认取规划元数据的基准年，否则测算起始年的上一年 / default: the plan's base year, else the year before the start</source>
      <translation>默认取规划元数据的基准年，否则测算起始年的上一年 / default: the plan's base year, else the year before the start</translation>
    </message>
    <message>
      <source>输出 .xlsx：摘要、分期、现金流、敏感性、目标、参数 / the workbook to write</source>
      <translation>输出 .xlsx：摘要、分期、现金流、敏感性、目标、参数 / the workbook to write</translation>
    </message>
    <message>
      <source>逐季度现金流量表，UTF-8（带 BOM） / the quarterly table as CSV</source>
      <translation>逐季度现金流量表，UTF-8（带 BOM） / the quarterly table as CSV</translation>
    </message>
    <message>
      <source>各期与全区累计净现金流折线图 / cumulative cash flow per phase</source>
      <translation>各期与全区累计净现金流折线图 / cumulative cash flow per phase</translation>
    </message>
    <message>
      <source>取值 出让/弹性出让/先租后让/长期租赁；已供地由供地状态决定 / supply mode per plot; supplied land is told by GDZT</source>
      <translation>取值 出让/弹性出让/先租后让/长期租赁；已供地由供地状态决定 / supply mode per plot; supplied land is told by GDZT</translation>
    </message>
    <message>
      <source>没有供地方式的地块按此测算 / the mode of plots without their own</source>
      <translation>没有供地方式的地块按此测算 / the mode of plots without their own</translation>
    </message>
    <message>
      <source>地块自己的出让价，优先于参数文件按用地类别的地价 / a plot's own land price wins over the class rate</source>
      <translation>地块自己的出让价，优先于参数文件按用地类别的地价 / a plot's own land price wins over the class rate</translation>
    </message>
    <message>
      <source>各因素上下变动对净现值的影响 / NPV at each factor's lowest and highest step</source>
      <translation>各因素上下变动对净现值的影响 / NPV at each factor's lowest and highest step</translation>
    </message>
    <message>
      <source>在规则允许的范围内搜索达到目标（净现值、资金峰值、发展目标）改动最少的方案 / search the least-change plans that reach the targets</source>
      <translation>在规则允许的范围内搜索达到目标（净现值、资金峰值、发展目标）改动最少的方案 / search the least-change plans that reach the targets</translation>
    </message>
    <message>
      <source>覆盖参数 search.seconds / overrides search.seconds</source>
      <translation>覆盖参数 search.seconds / overrides search.seconds</translation>
    </message>
    <message>
      <source>覆盖参数 search.peak_funding_limit / overrides search.peak_funding_limit</source>
      <translation>覆盖参数 search.peak_funding_limit / overrides search.peak_funding_limit</translation>
    </message>
    <message>
      <source>调整建议的容积率与用途须符合的地方标准配置 / the local profile the suggested FAR and uses must meet</source>
      <translation>调整建议的容积率与用途须符合的地方标准配置 / the local profile the suggested FAR and uses must meet</translation>
    </message>
    <message>
      <source>第一个调整方案应用后的全部地块（新用途及其控制指标、容积率、分期、供地方式 GDFS），可再审查与测算 / every plot with the first suggestion applied: a new plan version to check and compute again</source>
      <translation>第一个调整方案应用后的全部地块（新用途及其控制指标、容积率、分期、供地方式 GDFS），可再审查与测算 / every plot with the first suggestion applied: a new plan version to check and compute again</translation>
    </message>
    <message>
      <source>测算起始年（可选）</source>
      <translation>测算起始年（可选）</translation>
    </message>
    <message>
      <source>起始季度 1–4（可选）</source>
      <translation>起始季度 1–4（可选）</translation>
    </message>
    <message>
      <source>年折现率（小数，可选）</source>
      <translation>年折现率（小数，可选）</translation>
    </message>
    <message>
      <source>发展目标基准年（可选）</source>
      <translation>发展目标基准年（可选）</translation>
    </message>
    <message>
      <source>测算工作簿</source>
      <translation>测算工作簿</translation>
    </message>
    <message>
      <source>现金流量表 CSV（可选）</source>
      <translation>现金流量表 CSV（可选）</translation>
    </message>
    <message>
      <source>累计现金流图（可选）</source>
      <translation>累计现金流图（可选）</translation>
    </message>
    <message>
      <source>最大资金需求季度</source>
      <translation>最大资金需求季度</translation>
    </message>
    <message>
      <source>投资回收季度</source>
      <translation>投资回收季度</translation>
    </message>
    <message>
      <source>供地方式字段（可选）</source>
      <translation>供地方式字段（可选）</translation>
    </message>
    <message>
      <source>默认供地方式</source>
      <translation>默认供地方式</translation>
    </message>
    <message>
      <source>地价字段（万元/公顷，可选）</source>
      <translation>地价字段（万元/公顷，可选）</translation>
    </message>
    <message>
      <source>敏感性龙卷风图（可选）</source>
      <translation>敏感性龙卷风图（可选）</translation>
    </message>
    <message>
      <source>搜索调整建议</source>
      <translation>搜索调整建议</translation>
    </message>
    <message>
      <source>搜索时间上限（秒，可选）</source>
      <translation>搜索时间上限（秒，可选）</translation>
    </message>
    <message>
      <source>最大资金需求上限（万元，可选）</source>
      <translation>最大资金需求上限（万元，可选）</translation>
    </message>
    <message>
      <source>调整后的地块（方案 1，可选）</source>
      <translation>调整后的地块（方案 1，可选）</translation>
    </message>
    <message>
      <source>达到目标的调整方案数</source>
      <translation>达到目标的调整方案数</translation>
    </message>
    <message>
      <source>净现值（万元）</source>
      <translation>净现值（万元）</translation>
    </message>
    <message>
      <source>内部收益率（年）</source>
      <translation>内部收益率（年）</translation>
    </message>
    <message>
      <source>最大资金需求（万元）</source>
      <translation>最大资金需求（万元）</translation>
    </message>
    <message>
      <source>按参数文件 / as in the parameter file</source>
      <translation>按参数文件 / as in the parameter file</translation>
    </message>
    <message>
      <source>出让 / transfer</source>
      <translation>出让 / transfer</translation>
    </message>
    <message>
      <source>弹性出让 / flexible-term transfer</source>
      <translation>弹性出让 / flexible-term transfer</translation>
    </message>
    <message>
      <source>先租后让 / lease then transfer</source>
      <translation>先租后让 / lease then transfer</translation>
    </message>
    <message>
      <source>长期租赁 / long-term lease</source>
      <translation>长期租赁 / long-term lease</translation>
    </message>
    <message>
      <source>一张图符合性审查</source>
      <translation>一张图符合性审查</translation>
    </message>
    <message>
      <source>将地块与国土空间总体规划“一张图”比对：生态保护红线、永久基本农田（建设用地不得占用）、城镇开发边界（建设用地须位于其内）、规划分区（按可编辑的分区—用地兼容表）、任意其他管控图层（不得占用 / 须位于其内 / 接触即提示）以及 DEM 坡度（大于限值部分的比例）。各图层可为不同坐标系，统一投影到米制坐标系精确量算面积（与独立精确计算相差不超过 0.01 平方米）；同一图层内相互重叠的图斑不重复计算。小于容差的重叠和仅边界相接不算违规；设置“边界容差”后，小于该面积的禁止性冲突判为“需核实（疑似边界误差）”，报告写明所用阈值。报告给出每个地块和全部的冲突净面积（各规则冲突部分的并集，重叠只计一次）、总图和每个冲突地块的示意图（相邻地块、管控边界、指北针、比例尺）及按规则数据（resources/standards/review_actions.csv）的处理建议。也可直接指定交付的“一张图”数据库（GeoPackage、File Geodatabase、Shapefile 文件夹或 PostGIS 模式），按数据库标准的图层名称和字段（resources/standards/layer_roles.csv，可用别名表补充）识别各管控图层，日志和报告列出匹配结果，数据库中没有的图层其规则为“未检查”。提供了但为空或无法读取的图层，其规则标为“未检查”，不会当作通过；管控图层范围与地块范围不相交时（多为坐标系错误）该规则也为“未检查”，除非在“已知位于别处的图层”中声明。坐标与坐标系不符时停止并说明应改用的坐标系。管控图层与地块基准不同（如西安 1980、北京 1954 与 CGCS2000）而转换为粗略转换（ballpark）或精度差于 1 米时，报告和日志注明转换及其精度，距边界在该精度以内的冲突改为“需核实”；可在“基准转换参数”中填写省级公布的七参数（dx,dy,dz,rx,ry,rz,ds，单位 米、秒、ppm，位置矢量约定）或 PROJ 管道，并在“基准转换精度”中填写其精度；QGIS 工程中设置的基准转换也会采用。每条规则只需要自己的字段：缺少用地代码字段时仅规划分区规则未检查。输出：带审查结论的地块（合规 / 不合规 / 需核实）、冲突图斑（地块 × 规则 × 管控要素）和可打印为 PDF 的中文 HTML 报告。“建设用地”按 resources/standards/construction_land_codes.csv 判定。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；所选字段图层中没有时停止并指明参数；没有地块编号时以要素编号标识地块；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</source>
      <translation>将地块与国土空间总体规划“一张图”比对：生态保护红线、永久基本农田（建设用地不得占用）、城镇开发边界（建设用地须位于其内）、规划分区（按可编辑的分区—用地兼容表）、任意其他管控图层（不得占用 / 须位于其内 / 接触即提示）以及 DEM 坡度（大于限值部分的比例）。各图层可为不同坐标系，统一投影到米制坐标系精确量算面积（与独立精确计算相差不超过 0.01 平方米）；同一图层内相互重叠的图斑不重复计算。小于容差的重叠和仅边界相接不算违规；设置“边界容差”后，小于该面积的禁止性冲突判为“需核实（疑似边界误差）”，报告写明所用阈值。报告给出每个地块和全部的冲突净面积（各规则冲突部分的并集，重叠只计一次）、总图和每个冲突地块的示意图（相邻地块、管控边界、指北针、比例尺）及按规则数据（resources/standards/review_actions.csv）的处理建议。也可直接指定交付的“一张图”数据库（GeoPackage、File Geodatabase、Shapefile 文件夹或 PostGIS 模式），按数据库标准的图层名称和字段（resources/standards/layer_roles.csv，可用别名表补充）识别各管控图层，日志和报告列出匹配结果，数据库中没有的图层其规则为“未检查”。提供了但为空或无法读取的图层，其规则标为“未检查”，不会当作通过；管控图层范围与地块范围不相交时（多为坐标系错误）该规则也为“未检查”，除非在“已知位于别处的图层”中声明。坐标与坐标系不符时停止并说明应改用的坐标系。管控图层与地块基准不同（如西安 1980、北京 1954 与 CGCS2000）而转换为粗略转换（ballpark）或精度差于 1 米时，报告和日志注明转换及其精度，距边界在该精度以内的冲突改为“需核实”；可在“基准转换参数”中填写省级公布的七参数（dx,dy,dz,rx,ry,rz,ds，单位 米、秒、ppm，位置矢量约定）或 PROJ 管道，并在“基准转换精度”中填写其精度；QGIS 工程中设置的基准转换也会采用。每条规则只需要自己的字段：缺少用地代码字段时仅规划分区规则未检查。输出：带审查结论的地块（合规 / 不合规 / 需核实）、冲突图斑（地块 × 规则 × 管控要素）和可打印为 PDF 的中文 HTML 报告。“建设用地”按 resources/standards/construction_land_codes.csv 判定。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；所选字段图层中没有时停止并指明参数；没有地块编号时以要素编号标识地块；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</translation>
    </message>
    <message>
      <source>生态保护红线</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <source>永久基本农田</source>
      <translation>永久基本农田</translation>
    </message>
    <message>
      <source>城镇开发边界</source>
      <translation>城镇开发边界</translation>
    </message>
    <message>
      <source>规划分区</source>
      <translation>规划分区</translation>
    </message>
    <message>
      <source>其他管控图层</source>
      <translation>其他管控图层</translation>
    </message>
    <message>
      <source>待审查的地块（任意来源）/ the plots to check</source>
      <translation>待审查的地块（任意来源）/ the plots to check</translation>
    </message>
    <message>
      <source>无代码字段或代码为空时使用，如审查工业组团填 1001 / used where a feature has no code, e.g. 1001</source>
      <translation>无代码字段或代码为空时使用，如审查工业组团填 1001 / used where a feature has no code, e.g. 1001</translation>
    </message>
    <message>
      <source>交付的国土空间规划“一张图”数据库：GeoPackage、File Geodatabase 文件夹（.gdb）、Shapefile 文件夹或 PostGIS（PG:service=… schemas=…）；按数据库标准的图层名称和字段识别生态保护红线、永久基本农田、城镇开发边界、规划分区等（resources/standards/layer_roles.csv），下面单独指定的图层优先；找不到的图层为“未检查” / the delivered database (GeoPackage, File Geodatabase folder, folder of shapefiles or PostGIS): its control-line and zoning layers are found by the standard's names and fields; layers given below win; a layer not found is not checked</source>
      <translation>交付的国土空间规划“一张图”数据库：GeoPackage、File Geodatabase 文件夹（.gdb）、Shapefile 文件夹或 PostGIS（PG:service=… schemas=…）；按数据库标准的图层名称和字段识别生态保护红线、永久基本农田、城镇开发边界、规划分区等（resources/standards/layer_roles.csv），下面单独指定的图层优先；找不到的图层为“未检查” / the delivered database (GeoPackage, File Geodatabase folder, folder of shapefiles or PostGIS): its control-line and zoning layers are found by the standard's names and fields; layers given below win; a layer not found is not checked</translation>
    </message>
    <message>
      <source>本地图层名称补充：列 role（redline/farmland/urban/zoning/other）、name，可选 kind（exact/contains）、label、rule、source / local layer names extending the name table: columns role and name, optionally kind, label, rule, source</source>
      <translation>本地图层名称补充：列 role（redline/farmland/urban/zoning/other）、name，可选 kind（exact/contains）、label、rule、source / local layer names extending the name table: columns role and name, optionally kind, label, rule, source</translation>
    </message>
    <message>
      <source>地块及 SCJL 审查结论、WTSL 问题数、CT_* 各规则冲突面积 / plots with results</source>
      <translation>地块及 SCJL 审查结论、WTSL 问题数、CT_* 各规则冲突面积 / plots with results</translation>
    </message>
    <message>
      <source>冲突图斑</source>
      <translation>冲突图斑</translation>
    </message>
    <message>
      <source>地块 × 规则 × 管控要素 / conflict polygons</source>
      <translation>地块 × 规则 × 管控要素 / conflict polygons</translation>
    </message>
    <message>
      <source>建设用地不得占用 / construction land may not occupy</source>
      <translation>建设用地不得占用 / construction land may not occupy</translation>
    </message>
    <message>
      <source>建设用地须位于其内 / construction land must lie inside</source>
      <translation>建设用地须位于其内 / construction land must lie inside</translation>
    </message>
    <message>
      <source>规划分区 / 用途分区图层 / planning zones</source>
      <translation>规划分区 / 用途分区图层 / planning zones</translation>
    </message>
    <message>
      <source>分区名称所在字段，如 GHFQ（取值如“工业发展区”）/ field holding the zone name</source>
      <translation>分区名称所在字段，如 GHFQ（取值如“工业发展区”）/ field holding the zone name</translation>
    </message>
    <message>
      <source>分区 → 允许的用地代码；默认 resources/standards/zoning_compatibility.csv / zone compatibility table</source>
      <translation>分区 → 允许的用地代码；默认 resources/standards/zoning_compatibility.csv / zone compatibility table</translation>
    </message>
    <message>
      <source>如历史文化保护线、地质灾害风险区、洪涝风险控制线 / further constraint layers</source>
      <translation>如历史文化保护线、地质灾害风险区、洪涝风险控制线 / further constraint layers</translation>
    </message>
    <message>
      <source>按图层顺序：forbid 不得占用 / within 须位于其内 / touch 接触即提示；不足的按最后一个 / one rule per layer</source>
      <translation>按图层顺序：forbid 不得占用 / within 须位于其内 / touch 接触即提示；不足的按最后一个 / one rule per layer</translation>
    </message>
    <message>
      <source>规则名称，如 历史文化保护线 / rule names</source>
      <translation>规则名称，如 历史文化保护线 / rule names</translation>
    </message>
    <message>
      <source>按栅格像元大小和坐标系计算坡度 / slope from the DEM's cell size and CRS</source>
      <translation>按栅格像元大小和坐标系计算坡度 / slope from the DEM's cell size and CRS</translation>
    </message>
    <message>
      <source>大于此坡度的部分计入占比 / slopes above this count</source>
      <translation>大于此坡度的部分计入占比 / slopes above this count</translation>
    </message>
    <message>
      <source>小于此面积的重叠不算违规 / overlaps below this are ignored</source>
      <translation>小于此面积的重叠不算违规 / overlaps below this are ignored</translation>
    </message>
    <message>
      <source>地块与某条禁止性规则的冲突面积小于此值时判为“需核实（疑似边界误差）”而非不合规，报告写明所用阈值 / a prohibiting conflict smaller than this is 'to be verified (probable boundary mismatch)' instead of non-compliant; the report states the threshold</source>
      <translation>地块与某条禁止性规则的冲突面积小于此值时判为“需核实（疑似边界误差）”而非不合规，报告写明所用阈值 / a prohibiting conflict smaller than this is 'to be verified (probable boundary mismatch)' instead of non-compliant; the report states the threshold</translation>
    </message>
    <message>
      <source>大图层按空间分区在多个线程上审查，结果与单线程相同 / large layers are checked in spatial partitions on several threads, with the same result as one thread</source>
      <translation>大图层按空间分区在多个线程上审查，结果与单线程相同 / large layers are checked in spatial partitions on several threads, with the same result as one thread</translation>
    </message>
    <message>
      <source>每个分区的地块数；地块少于两个分区时不分区 / plots per partition; fewer than two partitions: no partitioning</source>
      <translation>每个分区的地块数；地块少于两个分区时不分区 / plots per partition; fewer than two partitions: no partitioning</translation>
    </message>
    <message>
      <source>范围与地块不相交也照常审查（否则为未检查）/ checked even when their extent does not meet the plots' (otherwise not checked)</source>
      <translation>范围与地块不相交也照常审查（否则为未检查）/ checked even when their extent does not meet the plots' (otherwise not checked)</translation>
    </message>
    <message>
      <source>管控图层基准 → 地块基准：七参数 dx,dy,dz,rx,ry,rz,ds（米、秒、ppm）或 PROJ 管道 / the constraint layers' datum → the plots': 7 Bursa-Wolf values (m, arc-seconds, ppm) or a PROJ pipeline</source>
      <translation>管控图层基准 → 地块基准：七参数 dx,dy,dz,rx,ry,rz,ds（米、秒、ppm）或 PROJ 管道 / the constraint layers' datum → the plots': 7 Bursa-Wolf values (m, arc-seconds, ppm) or a PROJ pipeline</translation>
    </message>
    <message>
      <source>所填参数或粗略转换的精度；距边界在此以内的冲突为需核实 / accuracy of the given or ballpark transformation; conflicts this close to a boundary are to be verified</source>
      <translation>所填参数或粗略转换的精度；距边界在此以内的冲突为需核实 / accuracy of the given or ballpark transformation; conflicts this close to a boundary are to be verified</translation>
    </message>
    <message>
      <source>缺省用地代码（可选）</source>
      <translation>缺省用地代码（可选）</translation>
    </message>
    <message>
      <source>一张图数据库（可选）</source>
      <translation>一张图数据库（可选）</translation>
    </message>
    <message>
      <source>图层别名表（可选，CSV）</source>
      <translation>图层别名表（可选，CSV）</translation>
    </message>
    <message>
      <source>数据库图层匹配</source>
      <translation>数据库图层匹配</translation>
    </message>
    <message>
      <source>生态保护红线（可选）</source>
      <translation>生态保护红线（可选）</translation>
    </message>
    <message>
      <source>永久基本农田（可选）</source>
      <translation>永久基本农田（可选）</translation>
    </message>
    <message>
      <source>城镇开发边界（可选）</source>
      <translation>城镇开发边界（可选）</translation>
    </message>
    <message>
      <source>规划分区（可选）</source>
      <translation>规划分区（可选）</translation>
    </message>
    <message>
      <source>分区名称字段</source>
      <translation>分区名称字段</translation>
    </message>
    <message>
      <source>分区兼容表（可选，CSV）</source>
      <translation>分区兼容表（可选，CSV）</translation>
    </message>
    <message>
      <source>其他管控图层（可选）</source>
      <translation>其他管控图层（可选）</translation>
    </message>
    <message>
      <source>其他图层的规则（逗号分隔）</source>
      <translation>其他图层的规则（逗号分隔）</translation>
    </message>
    <message>
      <source>其他图层的名称（逗号分隔，可选）</source>
      <translation>其他图层的名称（逗号分隔，可选）</translation>
    </message>
    <message>
      <source>数字高程模型 DEM（可选）</source>
      <translation>数字高程模型 DEM（可选）</translation>
    </message>
    <message>
      <source>坡度限值（度）</source>
      <translation>坡度限值（度）</translation>
    </message>
    <message>
      <source>容差（平方米）</source>
      <translation>容差（平方米）</translation>
    </message>
    <message>
      <source>边界容差（平方米，0 为不启用）</source>
      <translation>边界容差（平方米，0 为不启用）</translation>
    </message>
    <message>
      <source>并行线程数（0 = CPU 核数）</source>
      <translation>并行线程数（0 = CPU 核数）</translation>
    </message>
    <message>
      <source>分区地块数</source>
      <translation>分区地块数</translation>
    </message>
    <message>
      <source>已知位于别处的图层（可选）</source>
      <translation>已知位于别处的图层（可选）</translation>
    </message>
    <message>
      <source>基准转换参数（可选）</source>
      <translation>基准转换参数（可选）</translation>
    </message>
    <message>
      <source>基准转换精度（米，可选）</source>
      <translation>基准转换精度（米，可选）</translation>
    </message>
    <message>
      <source>用地标准审查</source>
      <translation>用地标准审查</translation>
    </message>
    <message>
      <source>两项审查，每条结论注明所依据的文件、表和条款。（一）规划指标对标准：将每个地块的控制指标与所选标准配置（国家配置，可由地方配置收紧）比对：容积率下限 ≥ 行业最低值、建筑系数 ≥ 下限、行政办公及生活服务设施用地比例 ≤ 7%、绿地率 ≤ 上限、投资强度 ≥ 地区分类 × 行业的最低值及配置设定的其他指标；规划值宽于标准即为错误。（二）项目指标（供地/预审）：项目表（CSV，UTF-8 或 GBK；或 xlsx）按地块编号与地块关联，或地块图层上的同名字段；列：地块编号、项目名称、固定资产投资（万元）、总建筑面积（㎡，计容）、建筑基底面积、构筑物占地面积、堆场占地面积、绿地面积、行政办公及生活服务设施用地面积（㎡）、预计年产值、年税收（万元），表头可用拼音首字母（GDZCTZ、ZJZMJ、JZJDMJ、GZWZDMJ、DCZDMJ、LDMJ、XZBGMJ、YJNCZ、NSS），括号内可注单位。按地块面积算出投资强度、容积率、建筑系数、建筑密度、绿地率、行政办公比例、产出强度、地均税收，与地块控制指标和标准中较严者比较。缺列、无法识别的地块编号、非数字单元格、重复地块：报告或停止运行并指出行和列，不写出半成品。标准无数值或未申报的指标报告“未检查”，不当作通过。组团层面：主导产业用地占组团工业用地比例 ≥ 60%（实施方案目标，来源未核实），并列示用地结构。本次审查结论写入 BZSCJL，报告和合规/不合规/需核实数只计本次审查；输入图层已有的 SCJL（如一张图审查）保留为 QXSCJL 并单独列示；输出的 SCJL 为两者合并（取较严者），供后续步骤使用。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</source>
      <translation>两项审查，每条结论注明所依据的文件、表和条款。（一）规划指标对标准：将每个地块的控制指标与所选标准配置（国家配置，可由地方配置收紧）比对：容积率下限 ≥ 行业最低值、建筑系数 ≥ 下限、行政办公及生活服务设施用地比例 ≤ 7%、绿地率 ≤ 上限、投资强度 ≥ 地区分类 × 行业的最低值及配置设定的其他指标；规划值宽于标准即为错误。（二）项目指标（供地/预审）：项目表（CSV，UTF-8 或 GBK；或 xlsx）按地块编号与地块关联，或地块图层上的同名字段；列：地块编号、项目名称、固定资产投资（万元）、总建筑面积（㎡，计容）、建筑基底面积、构筑物占地面积、堆场占地面积、绿地面积、行政办公及生活服务设施用地面积（㎡）、预计年产值、年税收（万元），表头可用拼音首字母（GDZCTZ、ZJZMJ、JZJDMJ、GZWZDMJ、DCZDMJ、LDMJ、XZBGMJ、YJNCZ、NSS），括号内可注单位。按地块面积算出投资强度、容积率、建筑系数、建筑密度、绿地率、行政办公比例、产出强度、地均税收，与地块控制指标和标准中较严者比较。缺列、无法识别的地块编号、非数字单元格、重复地块：报告或停止运行并指出行和列，不写出半成品。标准无数值或未申报的指标报告“未检查”，不当作通过。组团层面：主导产业用地占组团工业用地比例 ≥ 60%（实施方案目标，来源未核实），并列示用地结构。本次审查结论写入 BZSCJL，报告和合规/不合规/需核实数只计本次审查；输入图层已有的 SCJL（如一张图审查）保留为 QXSCJL 并单独列示；输出的 SCJL 为两者合并（取较严者），供后续步骤使用。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</translation>
    </message>
    <message>
      <source>带控制指标的地块（RJLXX、JZXS、XZBGBL、LDLSX、TZQD 等）/ plots with their controls</source>
      <translation>带控制指标的地块（RJLXX、JZXS、XZBGBL、LDLSX、TZQD 等）/ plots with their controls</translation>
    </message>
    <message>
      <source>标准配置 / standards profile</source>
      <translation>标准配置 / standards profile</translation>
    </message>
    <message>
      <source>收紧国家标准的地方配置 / a local profile</source>
      <translation>收紧国家标准的地方配置 / a local profile</translation>
    </message>
    <message>
      <source>投资强度表的地区分类 / region class</source>
      <translation>投资强度表的地区分类 / region class</translation>
    </message>
    <message>
      <source>地块及审查结论：BZSCJL 本次审查结论、QXSCJL 输入已有的结论、SCJL 两者合并，BZ_* 所用标准值，XMMC/XM_* 项目名称与按项目算出的指标 / plots with this check's result (BZSCJL), the earlier one (QXSCJL), both combined (SCJL), the standard values used and the project figures</source>
      <translation>地块及审查结论：BZSCJL 本次审查结论、QXSCJL 输入已有的结论、SCJL 两者合并，BZ_* 所用标准值，XMMC/XM_* 项目名称与按项目算出的指标 / plots with this check's result (BZSCJL), the earlier one (QXSCJL), both combined (SCJL), the standard values used and the project figures</translation>
    </message>
    <message>
      <source>问题图斑</source>
      <translation>问题图斑</translation>
    </message>
    <message>
      <source>不符合标准的地块 × 指标 / failing plot × control</source>
      <translation>不符合标准的地块 × 指标 / failing plot × control</translation>
    </message>
    <message>
      <source>企业项目申报指标，按地块编号关联；不给则读地块图层上的同名字段 / project table joined by plot code; none: the same fields on the plot layer</source>
      <translation>企业项目申报指标，按地块编号关联；不给则读地块图层上的同名字段 / project table joined by plot code; none: the same fields on the plot layer</translation>
    </message>
    <message>
      <source>留空则识别 地块编号、DKBH、DKBM、DKDM、地块代码、ZDDM / empty: recognises the usual plot-code headers</source>
      <translation>留空则识别 地块编号、DKBH、DKBM、DKDM、地块代码、ZDDM / empty: recognises the usual plot-code headers</translation>
    </message>
    <message>
      <source>项目表（可选，CSV 或 xlsx）</source>
      <translation>项目表（可选，CSV 或 xlsx）</translation>
    </message>
    <message>
      <source>项目表的地块编号列（可选）</source>
      <translation>项目表的地块编号列（可选）</translation>
    </message>
    <message>
      <source>新建规划数据库</source>
      <translation>新建规划数据库</translation>
    </message>
    <message>
      <source>新建一个规划 GeoPackage，含组团（zutuan）、单元（danyuan）、地块（dikuai）三个面图层和元数据表（plan_metadata：项目名称、编制单位、编制年份〔默认当年〕、基准年〔默认编制年份的上一年〕、地区分类、标准配置、坐标系）。字段名采用拼音首字母，中文别名，详见 docs/SCHEMA.md。可选输入已有组团面，按投影米制坐标系写入并量算 YDMJ。坐标系须为投影米制坐标系（推荐 CGCS2000 三度带）；经纬度组团自动投影到所在三度带。</source>
      <translation>新建一个规划 GeoPackage，含组团（zutuan）、单元（danyuan）、地块（dikuai）三个面图层和元数据表（plan_metadata：项目名称、编制单位、编制年份〔默认当年〕、基准年〔默认编制年份的上一年〕、地区分类、标准配置、坐标系）。字段名采用拼音首字母，中文别名，详见 docs/SCHEMA.md。可选输入已有组团面，按投影米制坐标系写入并量算 YDMJ。坐标系须为投影米制坐标系（推荐 CGCS2000 三度带）；经纬度组团自动投影到所在三度带。</translation>
    </message>
    <message>
      <source>写入元数据和导出表的标题 / project name for metadata and exports</source>
      <translation>写入元数据和导出表的标题 / project name for metadata and exports</translation>
    </message>
    <message>
      <source>编制单位 / planning organisation</source>
      <translation>编制单位 / planning organisation</translation>
    </message>
    <message>
      <source>现金流测算自该年开始；留空为当年 / the cash flow starts in this year; empty: this year</source>
      <translation>现金流测算自该年开始；留空为当年 / the cash flow starts in this year; empty: this year</translation>
    </message>
    <message>
      <source>3 年、5 年目标的基准年；留空为编制年份的上一年（最近完整统计年度） / base year of the targets; empty: the year before the plan year</source>
      <translation>3 年、5 年目标的基准年；留空为编制年份的上一年（最近完整统计年度） / base year of the targets; empty: the year before the plan year</translation>
    </message>
    <message>
      <source>投资强度按地区分类取值，如“七类”或“十等” / region class for investment intensity</source>
      <translation>投资强度按地区分类取值，如“七类”或“十等” / region class for investment intensity</translation>
    </message>
    <message>
      <source>投影米制坐标系；留空则取组团图层的量算坐标系 / projected metre CRS; empty: from the clusters</source>
      <translation>投影米制坐标系；留空则取组团图层的量算坐标系 / projected metre CRS; empty: from the clusters</translation>
    </message>
    <message>
      <source>已绘制的组团面，字段名与 docs/SCHEMA.md 相同者一并写入 / clusters already drawn</source>
      <translation>已绘制的组团面，字段名与 docs/SCHEMA.md 相同者一并写入 / clusters already drawn</translation>
    </message>
    <message>
      <source>新建的 GeoPackage；写入完成后才替换目标文件 / the new plan, replaced only when complete</source>
      <translation>新建的 GeoPackage；写入完成后才替换目标文件 / the new plan, replaced only when complete</translation>
    </message>
    <message>
      <source>项目名称</source>
      <translation>项目名称</translation>
    </message>
    <message>
      <source>编制单位</source>
      <translation>编制单位</translation>
    </message>
    <message>
      <source>编制年份（可选）</source>
      <translation>编制年份（可选）</translation>
    </message>
    <message>
      <source>基准年（可选）</source>
      <translation>基准年（可选）</translation>
    </message>
    <message>
      <source>地区分类（土地等别）</source>
      <translation>地区分类（土地等别）</translation>
    </message>
    <message>
      <source>规划坐标系</source>
      <translation>规划坐标系</translation>
    </message>
    <message>
      <source>已有组团（可选）</source>
      <translation>已有组团（可选）</translation>
    </message>
    <message>
      <source>规划数据库</source>
      <translation>规划数据库</translation>
    </message>
    <message>
      <source>组团图层</source>
      <translation>组团图层</translation>
    </message>
    <message>
      <source>企业统计数据入库</source>
      <translation>企业统计数据入库</translation>
    </message>
    <message>
      <source>读取企业年度统计表（CSV 或 xlsx，每家企业每年一行），逐行逐列校验后与规划地块关联。必需列：统一社会信用代码、企业名称、年度，以及地块编号（一家企业多个地块写在同一格，用“；”分隔）或 X/Y 坐标（地块图层的坐标系）。表头括号内的单位（元、万元、亿元、千克标准煤、公顷、平方米……）自动换算；无法识别的单位、缺少的列、地块编号不存在、同一企业同一年度重复、负数、非数值、信用代码格式错误、年度超出规划期，都会列出行号和列名并停止，不写出任何结果。企业在地块上的用地：填了用地面积的按其地块面积比例分摊；未填的，地块扣除同年其他企业填报面积后由未填企业均分。输出企业年度记录、企业—地块关联（用地与分摊权重）和校验说明。</source>
      <translation>读取企业年度统计表（CSV 或 xlsx，每家企业每年一行），逐行逐列校验后与规划地块关联。必需列：统一社会信用代码、企业名称、年度，以及地块编号（一家企业多个地块写在同一格，用“；”分隔）或 X/Y 坐标（地块图层的坐标系）。表头括号内的单位（元、万元、亿元、千克标准煤、公顷、平方米……）自动换算；无法识别的单位、缺少的列、地块编号不存在、同一企业同一年度重复、负数、非数值、信用代码格式错误、年度超出规划期，都会列出行号和列名并停止，不写出任何结果。企业在地块上的用地：填了用地面积的按其地块面积比例分摊；未填的，地块扣除同年其他企业填报面积后由未填企业均分。输出企业年度记录、企业—地块关联（用地与分摊权重）和校验说明。</translation>
    </message>
    <message>
      <source>规划地块（DKBH；DYBH、ZTBH 缺省时由编号推出；YDMJ 为空时按几何量算面积）/ the plan's plots</source>
      <translation>规划地块（DKBH；DYBH、ZTBH 缺省时由编号推出；YDMJ 为空时按几何量算面积）/ the plan's plots</translation>
    </message>
    <message>
      <source>统计表“地块编号”列对应的字段 / the field the table's plot codes refer to</source>
      <translation>统计表“地块编号”列对应的字段 / the field the table's plot codes refer to</translation>
    </message>
    <message>
      <source>每家企业每年一行：统一社会信用代码、企业名称、年度、地块编号（多个用“；”分隔）或 X/Y 坐标，以及产值、营业收入、增加值、税收、固定资产投资、综合能耗、污染物排放、从业人员、研发经费、用地面积等；表头括号内可注单位 / one row per enterprise and year; units may be given in the header</source>
      <translation>每家企业每年一行：统一社会信用代码、企业名称、年度、地块编号（多个用“；”分隔）或 X/Y 坐标，以及产值、营业收入、增加值、税收、固定资产投资、综合能耗、污染物排放、从业人员、研发经费、用地面积等；表头括号内可注单位 / one row per enterprise and year; units may be given in the header</translation>
    </message>
    <message>
      <source>企业年度记录、企业地块关联、校验说明 / records, links and notes</source>
      <translation>企业年度记录、企业地块关联、校验说明 / records, links and notes</translation>
    </message>
    <message>
      <source>规划期起始年（可选）</source>
      <translation>规划期起始年（可选）</translation>
    </message>
    <message>
      <source>规划期终止年（可选）</source>
      <translation>规划期终止年（可选）</translation>
    </message>
    <message>
      <source>超出规划期的年度报错，注明行号 / years outside the period are errors naming the row</source>
      <translation>超出规划期的年度报错，注明行号 / years outside the period are errors naming the row</translation>
    </message>
    <message>
      <source>企业统计表（CSV/xlsx）</source>
      <translation>企业统计表（CSV/xlsx）</translation>
    </message>
    <message>
      <source>入库结果表</source>
      <translation>入库结果表</translation>
    </message>
    <message>
      <source>企业年度记录数</source>
      <translation>企业年度记录数</translation>
    </message>
    <message>
      <source>企业数</source>
      <translation>企业数</translation>
    </message>
    <message>
      <source>年度</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>导出控制指标表</source>
      <translation>导出控制指标表</translation>
    </message>
    <message>
      <source>把地块图层导出为 Excel 工作簿：地块控制指标一览表（两行表头、单元小计、组团合计与总计、A3 横向打印设置）、单元与组团汇总、整个规划范围的用地平衡表（地块按一级/二级类、道路用地 1207、一张图禁止性规则不合规而划出的需调整用地、组团内其他用地，合计等于组团面积；公顷、亩与比例；未提供组团或道路图层时写明缺哪一行及原因），给定审查结果图层时另有审查结果表，每条问题都有地块编号（按 DKBH/BH 或所在位置；不针对单个地块的写明单元、组团或全区）。合计均由未取整的数值计算；没有数值的指标写明原因（未赋值：…，取自指标来源 ZBLY），不填 0、不留空白；地块表另列开发状态 KFZT/KFSM（需调整用地、已供地、需核实）。可同时导出 UTF-8（带 BOM）CSV。先写临时文件再替换目标文件：目标文件被 Excel/WPS/LibreOffice 打开或目录不可写时报错，原文件不变。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。缺少的可选字段在表下注明。</source>
      <translation>把地块图层导出为 Excel 工作簿：地块控制指标一览表（两行表头、单元小计、组团合计与总计、A3 横向打印设置）、单元与组团汇总、整个规划范围的用地平衡表（地块按一级/二级类、道路用地 1207、一张图禁止性规则不合规而划出的需调整用地、组团内其他用地，合计等于组团面积；公顷、亩与比例；未提供组团或道路图层时写明缺哪一行及原因），给定审查结果图层时另有审查结果表，每条问题都有地块编号（按 DKBH/BH 或所在位置；不针对单个地块的写明单元、组团或全区）。合计均由未取整的数值计算；没有数值的指标写明原因（未赋值：…，取自指标来源 ZBLY），不填 0、不留空白；地块表另列开发状态 KFZT/KFSM（需调整用地、已供地、需核实）。可同时导出 UTF-8（带 BOM）CSV。先写临时文件再替换目标文件：目标文件被 Excel/WPS/LibreOffice 打开或目录不可写时报错，原文件不变。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。缺少的可选字段在表下注明。</translation>
    </message>
    <message>
      <source>地块（DKBH、YDYHFLDM、YDMJ、RJLXX…，见数据模型；其他来源的图层在下面的字段参数中指定编号和用地代码字段） / plots with the schema fields; for other layers choose the code fields below</source>
      <translation>地块（DKBH、YDYHFLDM、YDMJ、RJLXX…，见数据模型；其他来源的图层在下面的字段参数中指定编号和用地代码字段） / plots with the schema fields; for other layers choose the code fields below</translation>
    </message>
    <message>
      <source>用于汇总表中的单元名称与无地块单元 / unit names and units without plots in the summary</source>
      <translation>用于汇总表中的单元名称与无地块单元 / unit names and units without plots in the summary</translation>
    </message>
    <message>
      <source>用于汇总表中的组团名称，及用地平衡表的总用地（组团范围） / cluster names in the summary; the clusters' area is the total of the land-use balance</source>
      <translation>用于汇总表中的组团名称，及用地平衡表的总用地（组团范围） / cluster names in the summary; the clusters' area is the total of the land-use balance</translation>
    </message>
    <message>
      <source>审查算法输出的问题图层（GZBH、GZMC、YZCD…）；每条问题按 DKBH/BH 或所在位置标明地块编号 / findings layer of a review algorithm; every finding gets its plot code (from DKBH/BH or where it lies)</source>
      <translation>审查算法输出的问题图层（GZBH、GZMC、YZCD…）；每条问题按 DKBH/BH 或所在位置标明地块编号 / findings layer of a review algorithm; every finding gets its plot code (from DKBH/BH or where it lies)</translation>
    </message>
    <message>
      <source>字段名按顺序，如 ZTBH,DYBH,DKBH,YDMJ,RJLXX,RJLSX / column keys in order; empty: the standard table</source>
      <translation>字段名按顺序，如 ZTBH,DYBH,DKBH,YDMJ,RJLXX,RJLSX / column keys in order; empty: the standard table</translation>
    </message>
    <message>
      <source>表头与标签的语言 / language of headers and labels</source>
      <translation>表头与标签的语言 / language of headers and labels</translation>
    </message>
    <message>
      <source>第一行标题，默认“地块控制指标一览表” / title row</source>
      <translation>第一行标题，默认“地块控制指标一览表” / title row</translation>
    </message>
    <message>
      <source>输出 .xlsx 文件 / the .xlsx to write</source>
      <translation>输出 .xlsx 文件 / the .xlsx to write</translation>
    </message>
    <message>
      <source>同时导出的 UTF-8（带 BOM）CSV，仅地块行 / also a UTF-8-with-BOM CSV of the plot rows</source>
      <translation>同时导出的 UTF-8（带 BOM）CSV，仅地块行 / also a UTF-8-with-BOM CSV of the plot rows</translation>
    </message>
    <message>
      <source>道路红线用地（1207），如 zutuan:subdivideunits 输出的 road_corridors；与组团图层一起使用平衡表覆盖整个规划范围 / road corridors (1207), e.g. road_corridors of zutuan:subdivideunits; with the clusters the balance covers the whole planned area</source>
      <translation>道路红线用地（1207），如 zutuan:subdivideunits 输出的 road_corridors；与组团图层一起使用平衡表覆盖整个规划范围 / road corridors (1207), e.g. road_corridors of zutuan:subdivideunits; with the clusters the balance covers the whole planned area</translation>
    </message>
    <message>
      <source>审查结果（可选）</source>
      <translation>审查结果（可选）</translation>
    </message>
    <message>
      <source>列（逗号分隔，留空为默认）</source>
      <translation>列（逗号分隔，留空为默认）</translation>
    </message>
    <message>
      <source>表头语言</source>
      <translation>表头语言</translation>
    </message>
    <message>
      <source>表格标题（可选）</source>
      <translation>表格标题（可选）</translation>
    </message>
    <message>
      <source>Excel 工作簿</source>
      <translation>Excel 工作簿</translation>
    </message>
    <message>
      <source>CSV（可选）</source>
      <translation>CSV（可选）</translation>
    </message>
    <message>
      <source>地块数</source>
      <translation>地块数</translation>
    </message>
    <message>
      <source>总用地面积（公顷）</source>
      <translation>总用地面积（公顷）</translation>
    </message>
    <message>
      <source>道路用地图层（可选）</source>
      <translation>道路用地图层（可选）</translation>
    </message>
    <message>
      <source>用地平衡表总用地（公顷）</source>
      <translation>用地平衡表总用地（公顷）</translation>
    </message>
    <message>
      <source>中文</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>导出地块图则</source>
      <translation>导出地块图则</translation>
    </message>
    <message>
      <source>生成 A3 横向地块图则（一个 PDF 图集）：封面、目录（地块 → 页码、图号）、每个地块一页图则、面积小于“单独出图的最小面积”的地块列于小地块清单页。每页图则：地块及相邻地块（按用地用海一级类着色，本地块红色加粗），道路中心线（名称、等级、红线宽度）与道路红线，按道路等级的建筑退线（虚线，标距离）和交叉口附近的禁止开口路段（退线表 CSV，默认表为示意值并在图上注明），规划给定的出入口，一张图管控线（生态保护红线、永久基本农田、城镇开发边界）与冲突部分（标注规则和面积），界址点（自西北角起顺时针编号 J1、J2…）与边长；区位索引图（全区，本地块红色，所在单元、组团加粗）；控制指标表（带单位，没有数值的写明原因“未赋值：…”；开发状态）；审查结论（每条冲突规则的面积、依据条款和处理建议）；界址点坐标表（CGCS2000，规划所在高斯-克吕格 3° 带，X 北、Y 东，保留 3 位小数；另可输出全部界址点 CSV）；指北针（白底黑色）、数字比例尺和线段比例尺、图例、图签（项目名称、编制单位、编制/审核/审定、日期、图号、页码）。PDF 中的文字为真实字符（嵌入去除部首兼容字的 Noto Sans CJK 副本），可检索、复制。输出一个多页 PDF，或每页一个 PDF（放在与输出文件同名的文件夹中）。无需图形界面，可在图形建模器和 qgis_process 中使用。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到地块编号字段时停止并指明参数。</source>
      <translation>生成 A3 横向地块图则（一个 PDF 图集）：封面、目录（地块 → 页码、图号）、每个地块一页图则、面积小于“单独出图的最小面积”的地块列于小地块清单页。每页图则：地块及相邻地块（按用地用海一级类着色，本地块红色加粗），道路中心线（名称、等级、红线宽度）与道路红线，按道路等级的建筑退线（虚线，标距离）和交叉口附近的禁止开口路段（退线表 CSV，默认表为示意值并在图上注明），规划给定的出入口，一张图管控线（生态保护红线、永久基本农田、城镇开发边界）与冲突部分（标注规则和面积），界址点（自西北角起顺时针编号 J1、J2…）与边长；区位索引图（全区，本地块红色，所在单元、组团加粗）；控制指标表（带单位，没有数值的写明原因“未赋值：…”；开发状态）；审查结论（每条冲突规则的面积、依据条款和处理建议）；界址点坐标表（CGCS2000，规划所在高斯-克吕格 3° 带，X 北、Y 东，保留 3 位小数；另可输出全部界址点 CSV）；指北针（白底黑色）、数字比例尺和线段比例尺、图例、图签（项目名称、编制单位、编制/审核/审定、日期、图号、页码）。PDF 中的文字为真实字符（嵌入去除部首兼容字的 Noto Sans CJK 副本），可检索、复制。输出一个多页 PDF，或每页一个 PDF（放在与输出文件同名的文件夹中）。无需图形界面，可在图形建模器和 qgis_process 中使用。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到地块编号字段时停止并指明参数。</translation>
    </message>
    <message>
      <source>每个地块一页，按地块编号排序 / one page per plot, ordered by DKBH</source>
      <translation>每个地块一页，按地块编号排序 / one page per plot, ordered by DKBH</translation>
    </message>
    <message>
      <source>道路中心线或道路面 / road centre lines or areas</source>
      <translation>道路中心线或道路面 / road centre lines or areas</translation>
    </message>
    <message>
      <source>按道路等级的退线与禁止开口距离；默认 resources/standards/road_setbacks.csv（示意值） / setback table by road class; default: the shipped illustrative table</source>
      <translation>按道路等级的退线与禁止开口距离；默认 resources/standards/road_setbacks.csv（示意值） / setback table by road class; default: the shipped illustrative table</translation>
    </message>
    <message>
      <source>画出单元边界（虚线）并标注单元编号 DYBH；缺省时由地块合并 / unit boundaries; default: dissolved from the plots</source>
      <translation>画出单元边界（虚线）并标注单元编号 DYBH；缺省时由地块合并 / unit boundaries; default: dissolved from the plots</translation>
    </message>
    <message>
      <source>区位索引图中的组团边界；缺省时由地块合并 / clusters in the location map; default: dissolved from the plots</source>
      <translation>区位索引图中的组团边界；缺省时由地块合并 / clusters in the location map; default: dissolved from the plots</translation>
    </message>
    <message>
      <source>一张图符合性审查的冲突图斑（CONFLICTS）：画出冲突部分，列出规则、面积、依据和处理建议 / the check's conflict layer: drawn, and listed with rule, area, clause and suggested action</source>
      <translation>一张图符合性审查的冲突图斑（CONFLICTS）：画出冲突部分，列出规则、面积、依据和处理建议 / the check's conflict layer: drawn, and listed with rule, area, clause and suggested action</translation>
    </message>
    <message>
      <source>规划给定的出入口（点）或禁止开口路段（线） / the plan's entrances (points) or no-opening stretches (lines)</source>
      <translation>规划给定的出入口（点）或禁止开口路段（线） / the plan's entrances (points) or no-opening stretches (lines)</translation>
    </message>
    <message>
      <source>如 类型 / e.g. type</source>
      <translation>如 类型 / e.g. type</translation>
    </message>
    <message>
      <source>面积更小的地块不单独出图，列入小地块清单页 / smaller plots go to a list page instead of a sheet</source>
      <translation>面积更小的地块不单独出图，列入小地块清单页 / smaller plots go to a list page instead of a sheet</translation>
    </message>
    <message>
      <source>图签中的项目名称 / project name in the title block</source>
      <translation>图签中的项目名称 / project name in the title block</translation>
    </message>
    <message>
      <source>图签中的日期 / date in the title block; empty: today</source>
      <translation>图签中的日期 / date in the title block; empty: today</translation>
    </message>
    <message>
      <source>图号 = 前缀 + 三位序号 / drawing number = prefix + 3-digit number</source>
      <translation>图号 = 前缀 + 三位序号 / drawing number = prefix + 3-digit number</translation>
    </message>
    <message>
      <source>多页 PDF 或每页一个 PDF / one multi-page PDF or one PDF per page</source>
      <translation>多页 PDF 或每页一个 PDF / one multi-page PDF or one PDF per page</translation>
    </message>
    <message>
      <source>多页 PDF；按页输出时为同名文件夹 / the PDF; per page: a folder of the same name</source>
      <translation>多页 PDF；按页输出时为同名文件夹 / the PDF; per page: a folder of the same name</translation>
    </message>
    <message>
      <source>全部地块的界址点坐标 / every plot's boundary points</source>
      <translation>全部地块的界址点坐标 / every plot's boundary points</translation>
    </message>
    <message>
      <source>用于标注道路 / labels the roads</source>
      <translation>用于标注道路 / labels the roads</translation>
    </message>
    <message>
      <source>如 DLDJ（主干路、次干路、支路）：按等级取退线与禁止开口距离 / road class, e.g. DLDJ: sets the setback and no-opening distances</source>
      <translation>如 DLDJ（主干路、次干路、支路）：按等级取退线与禁止开口距离 / road class, e.g. DLDJ: sets the setback and no-opening distances</translation>
    </message>
    <message>
      <source>如 HXKD（米）：画出道路红线并标注宽度 / red-line width in metres, e.g. HXKD: draws and labels the red lines</source>
      <translation>如 HXKD（米）：画出道路红线并标注宽度 / red-line width in metres, e.g. HXKD: draws and labels the red lines</translation>
    </message>
    <message>
      <source>一张图管控线，画在图则上并标注 / a master-plan control line, drawn and labelled on the sheets</source>
      <translation>一张图管控线，画在图则上并标注 / a master-plan control line, drawn and labelled on the sheets</translation>
    </message>
    <message>
      <source>图签中的姓名或单位，留空供手签 / in the title block; empty: left for a signature</source>
      <translation>图签中的姓名或单位，留空供手签 / in the title block; empty: left for a signature</translation>
    </message>
    <message>
      <source>道路图层（可选）</source>
      <translation>道路图层（可选）</translation>
    </message>
    <message>
      <source>退线表（可选，CSV）</source>
      <translation>退线表（可选，CSV）</translation>
    </message>
    <message>
      <source>审查冲突图层（可选）</source>
      <translation>审查冲突图层（可选）</translation>
    </message>
    <message>
      <source>出入口 / 禁止开口图层（可选）</source>
      <translation>出入口 / 禁止开口图层（可选）</translation>
    </message>
    <message>
      <source>出入口标注字段（可选）</source>
      <translation>出入口标注字段（可选）</translation>
    </message>
    <message>
      <source>单独出图的最小面积（平方米）</source>
      <translation>单独出图的最小面积（平方米）</translation>
    </message>
    <message>
      <source>日期（留空为今天）</source>
      <translation>日期（留空为今天）</translation>
    </message>
    <message>
      <source>图号前缀</source>
      <translation>图号前缀</translation>
    </message>
    <message>
      <source>输出方式</source>
      <translation>输出方式</translation>
    </message>
    <message>
      <source>图则 PDF</source>
      <translation>图则 PDF</translation>
    </message>
    <message>
      <source>界址点坐标表（可选，CSV）</source>
      <translation>界址点坐标表（可选，CSV）</translation>
    </message>
    <message>
      <source>页数</source>
      <translation>页数</translation>
    </message>
    <message>
      <source>图则数</source>
      <translation>图则数</translation>
    </message>
    <message>
      <source>输出文件</source>
      <translation>输出文件</translation>
    </message>
    <message>
      <source>道路名称字段（可选）</source>
      <translation>道路名称字段（可选）</translation>
    </message>
    <message>
      <source>道路等级字段（可选）</source>
      <translation>道路等级字段（可选）</translation>
    </message>
    <message>
      <source>道路红线宽度字段（可选）</source>
      <translation>道路红线宽度字段（可选）</translation>
    </message>
    <message>
      <source>编制人</source>
      <translation>编制人</translation>
    </message>
    <message>
      <source>审核人</source>
      <translation>审核人</translation>
    </message>
    <message>
      <source>审定人</source>
      <translation>审定人</translation>
    </message>
    <message>
      <source>一个多页 PDF</source>
      <translation>一个多页 PDF</translation>
    </message>
    <message>
      <source>每页一个 PDF</source>
      <translation>每页一个 PDF</translation>
    </message>
    <message>
      <source>飞地跨区域核算</source>
      <translation>飞地跨区域核算</translation>
    </message>
    <message>
      <source>按飞地合作协议（YAML：参与方、期间、各指标分计比例、范围为园区/组团/单元/地块/企业、≥10亿元项目能耗规则、取整小数位）把企业统计的地区生产总值（增加值）、工业总产值、固定资产投资、就业人数、税收、能源消耗、新能源指标、污染物排放分计到飞出地、飞入地等各方。更具体的安排优先（企业＞地块＞单元＞组团＞园区）；按面积分计（area）或协议未覆盖的，按土地所在行政区（行政区图层，跨界地块按面积拆分；无图层时全部计入飞入地）。能耗只有投资达到门槛的项目按协议比例分担，其余计入土地所在地；能耗强度按分计后的能耗÷增加值。取整用最大余数法：各值先四舍五入到规定小数位，每份向下取整，余下的单位依次给余数最大者（并列给协议中在前的一方），各方之和与合计严格相等，核对表逐年逐项列出。协议比例之和不为 1、期间重叠、参与方未知等错误会注明协议中的位置并停止。</source>
      <translation>按飞地合作协议（YAML：参与方、期间、各指标分计比例、范围为园区/组团/单元/地块/企业、≥10亿元项目能耗规则、取整小数位）把企业统计的地区生产总值（增加值）、工业总产值、固定资产投资、就业人数、税收、能源消耗、新能源指标、污染物排放分计到飞出地、飞入地等各方。更具体的安排优先（企业＞地块＞单元＞组团＞园区）；按面积分计（area）或协议未覆盖的，按土地所在行政区（行政区图层，跨界地块按面积拆分；无图层时全部计入飞入地）。能耗只有投资达到门槛的项目按协议比例分担，其余计入土地所在地；能耗强度按分计后的能耗÷增加值。取整用最大余数法：各值先四舍五入到规定小数位，每份向下取整，余下的单位依次给余数最大者（并列给协议中在前的一方），各方之和与合计严格相等，核对表逐年逐项列出。协议比例之和不为 1、期间重叠、参与方未知等错误会注明协议中的位置并停止。</translation>
    </message>
    <message>
      <source>参与方、期间、各指标比例、取整规则；示例见 resources/sample/data/feidi_agreement.yaml / parties, periods, ratios and rounding</source>
      <translation>参与方、期间、各指标比例、取整规则；示例见 resources/sample/data/feidi_agreement.yaml / parties, periods, ratios and rounding</translation>
    </message>
    <message>
      <source>按面积分计和协议外用地按其所在行政区；跨界地块按面积拆分 / where the land lies; straddling plots are split by area</source>
      <translation>按面积分计和协议外用地按其所在行政区；跨界地块按面积拆分 / where the land lies; straddling plots are split by area</translation>
    </message>
    <message>
      <source>与协议中参与方的 region、id 或 name 对应 / matches the parties' region, id or name</source>
      <translation>与协议中参与方的 region、id 或 name 对应 / matches the parties' region, id or name</translation>
    </message>
    <message>
      <source>飞地核算地块</source>
      <translation>飞地核算地块</translation>
    </message>
    <message>
      <source>最近年度每个地块的协议安排 XYBH、所在地 SZD、各方分得的增加值 ZJZ_* 与能耗 NH_* / per plot: the arrangement, the location and each party's shares</source>
      <translation>最近年度每个地块的协议安排 XYBH、所在地 SZD、各方分得的增加值 ZJZ_* 与能耗 NH_* / per plot: the arrangement, the location and each party's shares</translation>
    </message>
    <message>
      <source>飞地核算表</source>
      <translation>飞地核算表</translation>
    </message>
    <message>
      <source>分地区统计、分项分计、核对表、参与方、协议与规则 / per-region tables and the reconciliation</source>
      <translation>分地区统计、分项分计、核对表、参与方、协议与规则 / per-region tables and the reconciliation</translation>
    </message>
    <message>
      <source>飞地合作协议（YAML）</source>
      <translation>飞地合作协议（YAML）</translation>
    </message>
    <message>
      <source>行政区图层（可选）</source>
      <translation>行政区图层（可选）</translation>
    </message>
    <message>
      <source>行政区代码或名称字段</source>
      <translation>行政区代码或名称字段</translation>
    </message>
    <message>
      <source>参与方数</source>
      <translation>参与方数</translation>
    </message>
    <message>
      <source>核对不一致的项数</source>
      <translation>核对不一致的项数</translation>
    </message>
    <message>
      <source>闲置与低效用地</source>
      <translation>闲置与低效用地</translation>
    </message>
    <message>
      <source>闲置土地按《闲置土地处置办法》（国土资源部令第53号）认定：供地台账（地块编号、约定动工日期，及实际动工、竣工、中止开发日期、已开发/应开发面积、已投资/总投资额、政府原因、土地价款）在评价日期时，超过约定动工日期满一年未动工的为闲置土地（第二条第一款），列出第十四条（一）征缴土地闲置费（土地价款的 20%）的程序；满两年的列出第十四条（二）无偿收回的程序；已动工但开发面积不足三分之一或投资不足 25%、中止开发满一年的“可以认定为闲置土地”（第二条第二款）；政府原因（第八条）按第十二条协商处置，不计闲置费。“满一年”按民法典第二百零一、二百零二条计算：约定动工日的次年对应日为期间最后一日，其后一日起为闲置（法定休假日顺延未计，临界日期提示核实）。低效用地按亩均效益评价配置的阈值（示意配置的阈值为示意值）。输出地块图层（闲置状态 XZZT、低效状态 DXZT）和清单（天数与条款）。</source>
      <translation>闲置土地按《闲置土地处置办法》（国土资源部令第53号）认定：供地台账（地块编号、约定动工日期，及实际动工、竣工、中止开发日期、已开发/应开发面积、已投资/总投资额、政府原因、土地价款）在评价日期时，超过约定动工日期满一年未动工的为闲置土地（第二条第一款），列出第十四条（一）征缴土地闲置费（土地价款的 20%）的程序；满两年的列出第十四条（二）无偿收回的程序；已动工但开发面积不足三分之一或投资不足 25%、中止开发满一年的“可以认定为闲置土地”（第二条第二款）；政府原因（第八条）按第十二条协商处置，不计闲置费。“满一年”按民法典第二百零一、二百零二条计算：约定动工日的次年对应日为期间最后一日，其后一日起为闲置（法定休假日顺延未计，临界日期提示核实）。低效用地按亩均效益评价配置的阈值（示意配置的阈值为示意值）。输出地块图层（闲置状态 XZZT、低效状态 DXZT）和清单（天数与条款）。</translation>
    </message>
    <message>
      <source>每个已供地块一行：地块编号、约定动工日期（必需），实际动工日期、约定竣工日期、竣工日期、已开发面积、应开发面积、已投资额、总投资额（不含土地价款）、中止开发日期、政府原因（是/否）、原因说明、土地价款 / one row per supplied plot</source>
      <translation>每个已供地块一行：地块编号、约定动工日期（必需），实际动工日期、约定竣工日期、竣工日期、已开发面积、应开发面积、已投资额、总投资额（不含土地价款）、中止开发日期、政府原因（是/否）、原因说明、土地价款 / one row per supplied plot</translation>
    </message>
    <message>
      <source>留空取今天 / empty: today</source>
      <translation>留空取今天 / empty: today</translation>
    </message>
    <message>
      <source>台账地块与有统计数据的地块：XZZT 闲置状态、XZTK 条款、XZTS 闲置天数、DXZT 低效状态 / plots with their idle and low-efficiency status</source>
      <translation>台账地块与有统计数据的地块：XZZT 闲置状态、XZTK 条款、XZTS 闲置天数、DXZT 低效状态 / plots with their idle and low-efficiency status</translation>
    </message>
    <message>
      <source>闲置与低效用地清单</source>
      <translation>闲置与低效用地清单</translation>
    </message>
    <message>
      <source>闲置土地、低效用地、认定依据 / the lists and the clauses</source>
      <translation>闲置土地、低效用地、认定依据 / the lists and the clauses</translation>
    </message>
    <message>
      <source>供地台账（CSV/xlsx，可选）</source>
      <translation>供地台账（CSV/xlsx，可选）</translation>
    </message>
    <message>
      <source>评价日期（可选）</source>
      <translation>评价日期（可选）</translation>
    </message>
    <message>
      <source>闲置土地地块数</source>
      <translation>闲置土地地块数</translation>
    </message>
    <message>
      <source>低效用地地块数</source>
      <translation>低效用地地块数</translation>
    </message>
    <message>
      <source>开发区土地集约利用评价</source>
      <translation>开发区土地集约利用评价</translation>
    </message>
    <message>
      <source>按 TD/T 1029-2017《开发区土地集约利用评价规程》计算全区和各组团的土地开发率、土地供应率、土地建成率、工业用地率、综合容积率、建筑密度、工业用地综合容积率、工业用地建筑系数、工业用地固定资产投入强度、工业用地地均税收、综合地均税收。“现状”方式从所选字段读取供地条件、建成状态、建筑面积、基底面积、固定资产和税收；“规划”方式按规划建成后计算，取控制指标下限（JRJZMJ/RJLXX、JZMDXX、JZXS、ZDTZE/TZQD、DJSS），一张图审查禁止的需调整用地不开发（与分期、现金流一致；仍计入土地总面积）。缺少的输入在表中标为“缺少输入”，不作假设。公式取自试行规程的实现，尚未与 TD/T 1029-2017 正文逐条核对（见 resources/feasibility/intensive_use.yaml）。其他来源的图层：在字段参数中选择用地代码、组团编号、供地状态等字段，留空时识别常用名称（resources/standards/field_variants.csv）；缺少的字段在日志中说明，依赖它的指标为“缺少输入”。</source>
      <translation>按 TD/T 1029-2017《开发区土地集约利用评价规程》计算全区和各组团的土地开发率、土地供应率、土地建成率、工业用地率、综合容积率、建筑密度、工业用地综合容积率、工业用地建筑系数、工业用地固定资产投入强度、工业用地地均税收、综合地均税收。“现状”方式从所选字段读取供地条件、建成状态、建筑面积、基底面积、固定资产和税收；“规划”方式按规划建成后计算，取控制指标下限（JRJZMJ/RJLXX、JZMDXX、JZXS、ZDTZE/TZQD、DJSS），一张图审查禁止的需调整用地不开发（与分期、现金流一致；仍计入土地总面积）。缺少的输入在表中标为“缺少输入”，不作假设。公式取自试行规程的实现，尚未与 TD/T 1029-2017 正文逐条核对（见 resources/feasibility/intensive_use.yaml）。其他来源的图层：在字段参数中选择用地代码、组团编号、供地状态等字段，留空时识别常用名称（resources/standards/field_variants.csv）；缺少的字段在日志中说明，依赖它的指标为“缺少输入”。</translation>
    </message>
    <message>
      <source>地块或现状用地图层</source>
      <translation>地块或现状用地图层</translation>
    </message>
    <message>
      <source>带用地用海分类代码的面图层 / polygons with a land-use code</source>
      <translation>带用地用海分类代码的面图层 / polygons with a land-use code</translation>
    </message>
    <message>
      <source>现状：读取所选字段；规划：按控制指标下限 / status or plan</source>
      <translation>现状：读取所选字段；规划：按控制指标下限 / status or plan</translation>
    </message>
    <message>
      <source>两类开发区分别评价 / the two types are evaluated separately</source>
      <translation>两类开发区分别评价 / the two types are evaluated separately</translation>
    </message>
    <message>
      <source>已达到供地条件字段</source>
      <translation>已达到供地条件字段</translation>
    </message>
    <message>
      <source>取值 是/已达到供地条件/已完成 / ready for supply</source>
      <translation>取值 是/已达到供地条件/已完成 / ready for supply</translation>
    </message>
    <message>
      <source>建成状态字段</source>
      <translation>建成状态字段</translation>
    </message>
    <message>
      <source>取值 已建/已建成/建成/现状 / built</source>
      <translation>取值 已建/已建成/建成/现状 / built</translation>
    </message>
    <message>
      <source>总建筑面积字段（m²）</source>
      <translation>总建筑面积字段（m²）</translation>
    </message>
    <message>
      <source>每个要素上的总建筑面积 / floor area per feature, m²</source>
      <translation>每个要素上的总建筑面积 / floor area per feature, m²</translation>
    </message>
    <message>
      <source>建筑基底面积字段（m²）</source>
      <translation>建筑基底面积字段（m²）</translation>
    </message>
    <message>
      <source>建筑基底占地面积 / building footprint, m²</source>
      <translation>建筑基底占地面积 / building footprint, m²</translation>
    </message>
    <message>
      <source>建筑物构筑物堆场占地字段（m²）</source>
      <translation>建筑物构筑物堆场占地字段（m²）</translation>
    </message>
    <message>
      <source>用于工业用地建筑系数 / for the building coefficient</source>
      <translation>用于工业用地建筑系数 / for the building coefficient</translation>
    </message>
    <message>
      <source>固定资产投资字段（万元）</source>
      <translation>固定资产投资字段（万元）</translation>
    </message>
    <message>
      <source>工业（物流）企业累计固定资产投资 / fixed assets, 万元</source>
      <translation>工业（物流）企业累计固定资产投资 / fixed assets, 万元</translation>
    </message>
    <message>
      <source>税收字段（万元）</source>
      <translation>税收字段（万元）</translation>
    </message>
    <message>
      <source>企业年税收 / annual taxes, 万元</source>
      <translation>企业年税收 / annual taxes, 万元</translation>
    </message>
    <message>
      <source>留空则为输入要素面积之和 / empty: the sum of the input features</source>
      <translation>留空则为输入要素面积之和 / empty: the sum of the input features</translation>
    </message>
    <message>
      <source>每个层级（全区、组团）每个指标一行 / one row per level and indicator</source>
      <translation>每个层级（全区、组团）每个指标一行 / one row per level and indicator</translation>
    </message>
    <message>
      <source>评价对象</source>
      <translation>评价对象</translation>
    </message>
    <message>
      <source>开发区类型</source>
      <translation>开发区类型</translation>
    </message>
    <message>
      <source>开发区土地总面积（公顷，可选）</source>
      <translation>开发区土地总面积（公顷，可选）</translation>
    </message>
    <message>
      <source>评价表</source>
      <translation>评价表</translation>
    </message>
    <message>
      <source>已计算指标数</source>
      <translation>已计算指标数</translation>
    </message>
    <message>
      <source>缺少输入的指标数</source>
      <translation>缺少输入的指标数</translation>
    </message>
    <message>
      <source>现状</source>
      <translation>现状</translation>
    </message>
    <message>
      <source>规划建成后</source>
      <translation>规划建成后</translation>
    </message>
    <message>
      <source>工业主导型</source>
      <translation>工业主导型</translation>
    </message>
    <message>
      <source>产城融合型</source>
      <translation>产城融合型</translation>
    </message>
    <message>
      <source>主导产业产值占比</source>
      <translation>主导产业产值占比</translation>
    </message>
    <message>
      <source>按区块（默认组团，或所选区块图层的面，按地块面积最大的重叠归属）计算主导产业（GB/T 4754 大类，按企业行业代码，缺省取地块 HYDM）产值占区块工业总产值的比例，与 60% 对照（resources/monitoring/leading_industry.yaml，依据为开发区改革方案/小组团实施方案，文号条款未核实）。有企业缺少产值时结论为“需核实”，全部缺少为“未检查”，不判达到。同时列出规划地块 HYDM 计的主导产业用地占比，供尚无产值数据的规划使用。</source>
      <translation>按区块（默认组团，或所选区块图层的面，按地块面积最大的重叠归属）计算主导产业（GB/T 4754 大类，按企业行业代码，缺省取地块 HYDM）产值占区块工业总产值的比例，与 60% 对照（resources/monitoring/leading_industry.yaml，依据为开发区改革方案/小组团实施方案，文号条款未核实）。有企业缺少产值时结论为“需核实”，全部缺少为“未检查”，不判达到。同时列出规划地块 HYDM 计的主导产业用地占比，供尚无产值数据的规划使用。</translation>
    </message>
    <message>
      <source>留空按组团 ZTBH 统计 / empty: per cluster</source>
      <translation>留空按组团 ZTBH 统计 / empty: per cluster</translation>
    </message>
    <message>
      <source>区块图层中标识区块的字段 / the field naming each block</source>
      <translation>区块图层中标识区块的字段 / the field naming each block</translation>
    </message>
    <message>
      <source>评价年度（可选）</source>
      <translation>评价年度（可选）</translation>
    </message>
    <message>
      <source>留空取统计表中最近的年度 / empty: the latest year of the table</source>
      <translation>留空取统计表中最近的年度 / empty: the latest year of the table</translation>
    </message>
    <message>
      <source>每个区块一行 / one row per block</source>
      <translation>每个区块一行 / one row per block</translation>
    </message>
    <message>
      <source>区块图层（可选）</source>
      <translation>区块图层（可选）</translation>
    </message>
    <message>
      <source>区块名称字段</source>
      <translation>区块名称字段</translation>
    </message>
    <message>
      <source>主导产业占比表</source>
      <translation>主导产业占比表</translation>
    </message>
    <message>
      <source>达到的区块数</source>
      <translation>达到的区块数</translation>
    </message>
    <message>
      <source>未达到的区块数</source>
      <translation>未达到的区块数</translation>
    </message>
    <message>
      <source>亩均效益评价</source>
      <translation>亩均效益评价</translation>
    </message>
    <message>
      <source>按评价配置计算某一年度每家企业以及每个地块、单元、组团的亩均税收、亩均增加值、单位能耗增加值、单位排放增加值、全员劳动生产率、研发经费投入强度、亩均产值、地均投资等，按权重和基准计分、排名并分档（A/B/C/D，缺少必需指标的为 T 不参评）。地块、单元、组团的指标为其企业数值（按用地分摊）之和除以地块面积之和；有企业缺少某项数据时该项不计算，不取部分和。默认配置为示意配置（指标取浙江省六项、权重取黄岩区、基准取淮安“平均值两倍”、分档取淮安比例，均为二手资料，非官方），正式评价请使用本地政府文件的配置。输出按等级着色的地块图层和 xlsx 排名表（企业、地块、单元、组团、评价指标与配置）。</source>
      <translation>按评价配置计算某一年度每家企业以及每个地块、单元、组团的亩均税收、亩均增加值、单位能耗增加值、单位排放增加值、全员劳动生产率、研发经费投入强度、亩均产值、地均投资等，按权重和基准计分、排名并分档（A/B/C/D，缺少必需指标的为 T 不参评）。地块、单元、组团的指标为其企业数值（按用地分摊）之和除以地块面积之和；有企业缺少某项数据时该项不计算，不取部分和。默认配置为示意配置（指标取浙江省六项、权重取黄岩区、基准取淮安“平均值两倍”、分档取淮安比例，均为二手资料，非官方），正式评价请使用本地政府文件的配置。输出按等级着色的地块图层和 xlsx 排名表（企业、地块、单元、组团、评价指标与配置）。</translation>
    </message>
    <message>
      <source>指标、权重、基准、分档与低效阈值；留空用示意配置 resources/monitoring/mujun_illustrative.yaml（非官方） / indicators, weights, benchmarks, classes; empty: the illustrative (unofficial) profile</source>
      <translation>指标、权重、基准、分档与低效阈值；留空用示意配置 resources/monitoring/mujun_illustrative.yaml（非官方） / indicators, weights, benchmarks, classes; empty: the illustrative (unofficial) profile</translation>
    </message>
    <message>
      <source>亩均效益地块</source>
      <translation>亩均效益地块</translation>
    </message>
    <message>
      <source>有统计数据的地块：各指标（字段名见配置 field）、得分 DF、排名 PM、等级 MJDJ / plots with statistics, graded</source>
      <translation>有统计数据的地块：各指标（字段名见配置 field）、得分 DF、排名 PM、等级 MJDJ / plots with statistics, graded</translation>
    </message>
    <message>
      <source>亩均效益排名表</source>
      <translation>亩均效益排名表</translation>
    </message>
    <message>
      <source>企业、地块、单元、组团排名与评价配置；CSV 仅写企业排名 / rankings; CSV holds the enterprises only</source>
      <translation>企业、地块、单元、组团排名与评价配置；CSV 仅写企业排名 / rankings; CSV holds the enterprises only</translation>
    </message>
    <message>
      <source>亩均效益评价配置（YAML，可选）</source>
      <translation>亩均效益评价配置（YAML，可选）</translation>
    </message>
    <message>
      <source>参评企业数</source>
      <translation>参评企业数</translation>
    </message>
    <message>
      <source>评价年度</source>
      <translation>评价年度</translation>
    </message>
    <message>
      <source>滚动开发分期</source>
      <translation>滚动开发分期</translation>
    </message>
    <message>
      <source>按“开发一片、成熟一片、收益一片”把地块（同一单元的地块一起）或单元分到开发分期，写入 KFFQ、开发状态 KFZT 与说明 KFSM，并输出分期表（每期单元数、地块数、面积、已供地、待出让、新建道路、投资、需核实地块数、启动与成熟季度，合计行，以及未分期的需调整用地）。输入带一张图审查结果时，生态保护红线、永久基本农田、城镇开发边界外、规划分区不允许等禁止性规则判为不合规的地块整块作为“需调整用地”：不分期、不计征地、不出让（勾选“需调整用地仍纳入分期”则照常分期并在各输出标注）；需核实的地块照常分期并标注；已供地不计征地、不再出让，最先安排。其次已完成七通一平的用地，然后从已建道路/基础设施起与已分期用地相邻地扩展；每期不超过规模上限（只有一个不可拆分的单元大于规模时例外并提示）；KFFQ 已填正整数且每期不超规模时保持该期，否则按其数值作为开发顺序拆分。道路投资按道路图层的等级与长度字段（如道路红线面的 DLCD）；开发主体自建标准厂房的用地比例与造价按地块用地类别（参数文件 land_use 表），建筑面积按地块容积率下限 RJLXX。测算起始年与基准年取规划数据库元数据（编制年份 BZNF、基准年 JZNF），未给出时取当前年并在日志中说明。参数（造价、地价、去化速度…）来自 YAML 参数文件，默认值仅为示意性假设。</source>
      <translation>按“开发一片、成熟一片、收益一片”把地块（同一单元的地块一起）或单元分到开发分期，写入 KFFQ、开发状态 KFZT 与说明 KFSM，并输出分期表（每期单元数、地块数、面积、已供地、待出让、新建道路、投资、需核实地块数、启动与成熟季度，合计行，以及未分期的需调整用地）。输入带一张图审查结果时，生态保护红线、永久基本农田、城镇开发边界外、规划分区不允许等禁止性规则判为不合规的地块整块作为“需调整用地”：不分期、不计征地、不出让（勾选“需调整用地仍纳入分期”则照常分期并在各输出标注）；需核实的地块照常分期并标注；已供地不计征地、不再出让，最先安排。其次已完成七通一平的用地，然后从已建道路/基础设施起与已分期用地相邻地扩展；每期不超过规模上限（只有一个不可拆分的单元大于规模时例外并提示）；KFFQ 已填正整数且每期不超规模时保持该期，否则按其数值作为开发顺序拆分。道路投资按道路图层的等级与长度字段（如道路红线面的 DLCD）；开发主体自建标准厂房的用地比例与造价按地块用地类别（参数文件 land_use 表），建筑面积按地块容积率下限 RJLXX。测算起始年与基准年取规划数据库元数据（编制年份 BZNF、基准年 JZNF），未给出时取当前年并在日志中说明。参数（造价、地价、去化速度…）来自 YAML 参数文件，默认值仅为示意性假设。</translation>
    </message>
    <message>
      <source>要分期的地块（同一单元 DYBH 的地块一起分期）或单元；带一张图审查结果（SCJL、CT_*）时，禁止性规则不合规的需调整用地不分期、不征地、不出让；YDMJ 为空时按几何量算 / plots (a unit's plots phased together) or units; with the master-plan check's results, land a prohibiting rule rejects is set apart</source>
      <translation>要分期的地块（同一单元 DYBH 的地块一起分期）或单元；带一张图审查结果（SCJL、CT_*）时，禁止性规则不合规的需调整用地不分期、不征地、不出让；YDMJ 为空时按几何量算 / plots (a unit's plots phased together) or units; with the master-plan check's results, land a prohibiting rule rejects is set apart</translation>
    </message>
    <message>
      <source>道路中心线或道路红线面：按等级计算道路投资；已建道路作为分期起点 / road centre lines or corridors</source>
      <translation>道路中心线或道路红线面：按等级计算道路投资；已建道路作为分期起点 / road centre lines or corridors</translation>
    </message>
    <message>
      <source>取值如 主干路/次干路/支路，对应参数文件 costs.roads_per_km / road class matching the parameter file</source>
      <translation>取值如 主干路/次干路/支路，对应参数文件 costs.roads_per_km / road class matching the parameter file</translation>
    </message>
    <message>
      <source>道路红线面的中心线长度，如 zutuan:subdivideunits 输出的 DLCD；留空按几何量算 / centre-line length (m), e.g. DLCD of the road corridors; empty: measured</source>
      <translation>道路红线面的中心线长度，如 zutuan:subdivideunits 输出的 DLCD；留空按几何量算 / centre-line length (m), e.g. DLCD of the road corridors; empty: measured</translation>
    </message>
    <message>
      <source>取值 已建/已建成/建成/现状 的道路视为已建：不计投资，作为分期起点 / built roads seed the phases</source>
      <translation>取值 已建/已建成/建成/现状 的道路视为已建：不计投资，作为分期起点 / built roads seed the phases</translation>
    </message>
    <message>
      <source>已建的管网、场站等，分期从其附近开始 / other built infrastructure the phases grow from</source>
      <translation>已建的管网、场站等，分期从其附近开始 / other built infrastructure the phases grow from</translation>
    </message>
    <message>
      <source>取值 是/已完成 的用地优先，且不再计七通一平费用 / serviced land goes next and needs no site preparation</source>
      <translation>取值 是/已完成 的用地优先，且不再计七通一平费用 / serviced land goes next and needs no site preparation</translation>
    </message>
    <message>
      <source>正整数即固定为该期 / a positive phase number pins the unit to that phase</source>
      <translation>正整数即固定为该期 / a positive phase number pins the unit to that phase</translation>
    </message>
    <message>
      <source>读取元数据中的编制年份（测算起始年）与基准年；未给出时取当前年 / the plan GeoPackage: its year starts the cash flow and its base year dates the targets; without it the current year is used</source>
      <translation>读取元数据中的编制年份（测算起始年）与基准年；未给出时取当前年 / the plan GeoPackage: its year starts the cash flow and its base year dates the targets; without it the current year is used</translation>
    </message>
    <message>
      <source>勾选后一张图禁止性规则不合规的用地（如待边界校核）仍分期、征地、出让，各输出均标注 / phase land that a prohibiting rule rejects anyway (e.g. pending a boundary correction); every output marks it</source>
      <translation>勾选后一张图禁止性规则不合规的用地（如待边界校核）仍分期、征地、出让，各输出均标注 / phase land that a prohibiting rule rejects anyway (e.g. pending a boundary correction); every output marks it</translation>
    </message>
    <message>
      <source>只写需要改的键，其余取 resources/feasibility/default_params.yaml（示意值，须替换） / YAML overrides</source>
      <translation>只写需要改的键，其余取 resources/feasibility/default_params.yaml（示意值，须替换） / YAML overrides</translation>
    </message>
    <message>
      <source>覆盖参数文件中的 phasing.capacity_ha / overrides phasing.capacity_ha</source>
      <translation>覆盖参数文件中的 phasing.capacity_ha / overrides phasing.capacity_ha</translation>
    </message>
    <message>
      <source>前一期土地供应比例达到该值后开启下一期 / share of a phase's land supplied before the next opens</source>
      <translation>前一期土地供应比例达到该值后开启下一期 / share of a phase's land supplied before the next opens</translation>
    </message>
    <message>
      <source>输入要素及开发分期字段 KFFQ / input features with KFFQ</source>
      <translation>输入要素及开发分期字段 KFFQ / input features with KFFQ</translation>
    </message>
    <message>
      <source>每期一行：面积、单元数、投资（万元）、启动与成熟季度 / one row per phase</source>
      <translation>每期一行：面积、单元数、投资（万元）、启动与成熟季度 / one row per phase</translation>
    </message>
    <message>
      <source>地块或单元图层</source>
      <translation>地块或单元图层</translation>
    </message>
    <message>
      <source>道路（可选）</source>
      <translation>道路（可选）</translation>
    </message>
    <message>
      <source>道路等级字段</source>
      <translation>道路等级字段</translation>
    </message>
    <message>
      <source>道路长度字段（米）</source>
      <translation>道路长度字段（米）</translation>
    </message>
    <message>
      <source>道路建设状态字段</source>
      <translation>道路建设状态字段</translation>
    </message>
    <message>
      <source>其他已建基础设施（可选）</source>
      <translation>其他已建基础设施（可选）</translation>
    </message>
    <message>
      <source>已完成七通一平字段</source>
      <translation>已完成七通一平字段</translation>
    </message>
    <message>
      <source>指定分期字段</source>
      <translation>指定分期字段</translation>
    </message>
    <message>
      <source>规划数据库（可选）</source>
      <translation>规划数据库（可选）</translation>
    </message>
    <message>
      <source>需调整用地仍纳入分期</source>
      <translation>需调整用地仍纳入分期</translation>
    </message>
    <message>
      <source>测算参数文件（YAML，可选）</source>
      <translation>测算参数文件（YAML，可选）</translation>
    </message>
    <message>
      <source>每期规模（公顷，可选）</source>
      <translation>每期规模（公顷，可选）</translation>
    </message>
    <message>
      <source>成熟阈值（0–1，可选）</source>
      <translation>成熟阈值（0–1，可选）</translation>
    </message>
    <message>
      <source>分期结果</source>
      <translation>分期结果</translation>
    </message>
    <message>
      <source>分期表</source>
      <translation>分期表</translation>
    </message>
    <message>
      <source>分期数</source>
      <translation>分期数</translation>
    </message>
    <message>
      <source>单元划分地块</source>
      <translation>单元划分地块</translation>
    </message>
    <message>
      <source>把单元划分为接近目标面积、介于最小与最大面积之间的地块（单元字段 DKMBMJ / DKZXMJ / DKZDMJ 可逐单元覆盖）。已供地宗地（按表达式判定，默认 GDZT = '已供地'；表达式有误或字段名拼错时停止并给出表达式的错误）原样保留为地块、不再切分；勾选“尊重宗地界线”时新地块不跨越宗地边界。其余部分沿最小外接矩形长边方向递归直线切分，切线位置按面积精确求解（CityEngine 地块细分方法），地块近似矩形；给出道路时优先使每个地块临路，输出不临路的地块清单。小于最小面积的零碎部分并入相邻地块。编号 Z01-01-01…；记录并返回质量指标（数量、面积最小/平均/最大、目标区间占比、临路占比、矩形度）。</source>
      <translation>把单元划分为接近目标面积、介于最小与最大面积之间的地块（单元字段 DKMBMJ / DKZXMJ / DKZDMJ 可逐单元覆盖）。已供地宗地（按表达式判定，默认 GDZT = '已供地'；表达式有误或字段名拼错时停止并给出表达式的错误）原样保留为地块、不再切分；勾选“尊重宗地界线”时新地块不跨越宗地边界。其余部分沿最小外接矩形长边方向递归直线切分，切线位置按面积精确求解（CityEngine 地块细分方法），地块近似矩形；给出道路时优先使每个地块临路，输出不临路的地块清单。小于最小面积的零碎部分并入相邻地块。编号 Z01-01-01…；记录并返回质量指标（数量、面积最小/平均/最大、目标区间占比、临路占比、矩形度）。</translation>
    </message>
    <message>
      <source>单元面（DYBH 单元编号）/ unit polygons</source>
      <translation>单元面（DYBH 单元编号）/ unit polygons</translation>
    </message>
    <message>
      <source>现状宗地 / cadastral parcels</source>
      <translation>现状宗地 / cadastral parcels</translation>
    </message>
    <message>
      <source>为真的宗地原样保留为地块 / parcels for which this is true are kept intact</source>
      <translation>为真的宗地原样保留为地块 / parcels for which this is true are kept intact</translation>
    </message>
    <message>
      <source>新地块不跨越宗地边界 / new plots do not cross parcel boundaries</source>
      <translation>新地块不跨越宗地边界 / new plots do not cross parcel boundaries</translation>
    </message>
    <message>
      <source>用于判断临路；中心线按 HXKD 半宽 / used for frontage; centre lines use half of HXKD</source>
      <translation>用于判断临路；中心线按 HXKD 半宽 / used for frontage; centre lines use half of HXKD</translation>
    </message>
    <message>
      <source>必须大于 0 / must be greater than 0</source>
      <translation>必须大于 0 / must be greater than 0</translation>
    </message>
    <message>
      <source>小于此面积的零碎部分并入相邻地块 / smaller offcuts merge into a neighbour</source>
      <translation>小于此面积的零碎部分并入相邻地块 / smaller offcuts merge into a neighbour</translation>
    </message>
    <message>
      <source>不得小于目标面积 / not below the target</source>
      <translation>不得小于目标面积 / not below the target</translation>
    </message>
    <message>
      <source>0 表示不限；较窄的地块列入问题清单 / 0 = no limit; narrower plots are reported</source>
      <translation>0 表示不限；较窄的地块列入问题清单 / 0 = no limit; narrower plots are reported</translation>
    </message>
    <message>
      <source>0 表示不限 / 0 = no limit</source>
      <translation>0 表示不限 / 0 = no limit</translation>
    </message>
    <message>
      <source>DKBH 编号、DYBH、ZTBH、继承单元属性、YDMJ、GDZT / plots</source>
      <translation>DKBH 编号、DYBH、ZTBH、继承单元属性、YDMJ、GDZT / plots</translation>
    </message>
    <message>
      <source>不临路、过窄、面积超限、小单元等 / no frontage, narrow, area out of range, small units</source>
      <translation>不临路、过窄、面积超限、小单元等 / no frontage, narrow, area out of range, small units</translation>
    </message>
    <message>
      <source>单元图层</source>
      <translation>单元图层</translation>
    </message>
    <message>
      <source>宗地图层（可选）</source>
      <translation>宗地图层（可选）</translation>
    </message>
    <message>
      <source>已供地判定表达式</source>
      <translation>已供地判定表达式</translation>
    </message>
    <message>
      <source>尊重宗地界线</source>
      <translation>尊重宗地界线</translation>
    </message>
    <message>
      <source>道路（可选，红线面或中心线）</source>
      <translation>道路（可选，红线面或中心线）</translation>
    </message>
    <message>
      <source>目标地块面积（平方米）</source>
      <translation>目标地块面积（平方米）</translation>
    </message>
    <message>
      <source>最小地块面积（平方米）</source>
      <translation>最小地块面积（平方米）</translation>
    </message>
    <message>
      <source>最大地块面积（平方米）</source>
      <translation>最大地块面积（平方米）</translation>
    </message>
    <message>
      <source>最小宽度/临路宽度（米）</source>
      <translation>最小宽度/临路宽度（米）</translation>
    </message>
    <message>
      <source>最大长宽比</source>
      <translation>最大长宽比</translation>
    </message>
    <message>
      <source>地块</source>
      <translation>地块</translation>
    </message>
    <message>
      <source>临路地块占比</source>
      <translation>临路地块占比</translation>
    </message>
    <message>
      <source>平均矩形度</source>
      <translation>平均矩形度</translation>
    </message>
    <message>
      <source>组团划分单元</source>
      <translation>组团划分单元</translation>
    </message>
    <message>
      <source>先按规划道路中心线和红线宽度（宽度字段，或按道路等级的默认宽度）从组团中扣除道路红线用地，交叉口无碎片、道路与单元之间无缝隙，道路单独输出（等级、宽度、长度、面积）；其余部分成为单元。大于最大单元面积的部分沿其主方向用直线等分为近似矩形的单元，小于最小单元面积的碎片并入同一组团内共边最长的相邻单元（或道路）。单元继承组团属性，编号 Z01-01… 沿组团主轴方向排列，重复运行结果相同。在投影米制坐标系中计算并输出。</source>
      <translation>先按规划道路中心线和红线宽度（宽度字段，或按道路等级的默认宽度）从组团中扣除道路红线用地，交叉口无碎片、道路与单元之间无缝隙，道路单独输出（等级、宽度、长度、面积）；其余部分成为单元。大于最大单元面积的部分沿其主方向用直线等分为近似矩形的单元，小于最小单元面积的碎片并入同一组团内共边最长的相邻单元（或道路）。单元继承组团属性，编号 Z01-01… 沿组团主轴方向排列，重复运行结果相同。在投影米制坐标系中计算并输出。</translation>
    </message>
    <message>
      <source>组团面（ZTBH 组团编号；缺失时按顺序编号）/ cluster polygons</source>
      <translation>组团面（ZTBH 组团编号；缺失时按顺序编号）/ cluster polygons</translation>
    </message>
    <message>
      <source>道路中心线，带等级和/或红线宽度字段 / planned road centre lines</source>
      <translation>道路中心线，带等级和/或红线宽度字段 / planned road centre lines</translation>
    </message>
    <message>
      <source>如 主干路 / 次干路 / 支路 / road class field</source>
      <translation>如 主干路 / 次干路 / 支路 / road class field</translation>
    </message>
    <message>
      <source>有值时优先于等级默认宽度 / overrides the class default when set</source>
      <translation>有值时优先于等级默认宽度 / overrides the class default when set</translation>
    </message>
    <message>
      <source>等级:宽度，逗号分隔；可编辑 / class:width pairs, editable</source>
      <translation>等级:宽度，逗号分隔；可编辑 / class:width pairs, editable</translation>
    </message>
    <message>
      <source>小于此面积的碎片并入相邻单元 / smaller pieces merge into a neighbour</source>
      <translation>小于此面积的碎片并入相邻单元 / smaller pieces merge into a neighbour</translation>
    </message>
    <message>
      <source>大于此面积的部分继续划分 / larger pieces are split further</source>
      <translation>大于此面积的部分继续划分 / larger pieces are split further</translation>
    </message>
    <message>
      <source>单元，DYBH 编号、继承组团属性、YDMJ 面积 / units</source>
      <translation>单元，DYBH 编号、继承组团属性、YDMJ 面积 / units</translation>
    </message>
    <message>
      <source>ZTBH、DLDJ 等级、HXKD 宽度、DLCD 长度、YDMJ 面积 / road corridors</source>
      <translation>ZTBH、DLDJ 等级、HXKD 宽度、DLCD 长度、YDMJ 面积 / road corridors</translation>
    </message>
    <message>
      <source>几何修复、碎片、无宽度道路等 / repairs, small pieces, roads without width</source>
      <translation>几何修复、碎片、无宽度道路等 / repairs, small pieces, roads without width</translation>
    </message>
    <message>
      <source>规划道路中心线（可选）</source>
      <translation>规划道路中心线（可选）</translation>
    </message>
    <message>
      <source>红线宽度字段（米）</source>
      <translation>红线宽度字段（米）</translation>
    </message>
    <message>
      <source>等级默认红线宽度（米）</source>
      <translation>等级默认红线宽度（米）</translation>
    </message>
    <message>
      <source>最小单元面积（平方米）</source>
      <translation>最小单元面积（平方米）</translation>
    </message>
    <message>
      <source>最大单元面积（平方米）</source>
      <translation>最大单元面积（平方米）</translation>
    </message>
    <message>
      <source>单元</source>
      <translation>单元</translation>
    </message>
    <message>
      <source>道路红线用地</source>
      <translation>道路红线用地</translation>
    </message>
    <message>
      <source>单元数</source>
      <translation>单元数</translation>
    </message>
    <message>
      <source>道路红线用地面积（平方米）</source>
      <translation>道路红线用地面积（平方米）</translation>
    </message>
    <message>
      <source>发展目标跟踪</source>
      <translation>发展目标跟踪</translation>
    </message>
    <message>
      <source>把企业统计的年度实际值（工业总产值、企业数、从业人员、税收、增加值、当年固定资产投资、营业收入）与实施方案的 3 年、5 年发展目标对照：目标表（指标、目标年、目标值，可选基准年、基准值、方向 ≥/≤）或现金流测算工作簿的“发展目标”表。完成率 = 实际值 ÷ 目标值；按计划进度为基准年实际值（统计表有该年时）到目标值的直线，目标年之前实际值不低于进度为“按计划”，否则“落后”；目标年及以后为“达到/未达到”。有企业缺少该项数据时结论为“需核实”（列出缺少的企业数），不判按计划或达到。统计表没有的指标（如土地开发、基础设施投资）标为“未检查”。输出跟踪表和完成率图（SVG）。</source>
      <translation>把企业统计的年度实际值（工业总产值、企业数、从业人员、税收、增加值、当年固定资产投资、营业收入）与实施方案的 3 年、5 年发展目标对照：目标表（指标、目标年、目标值，可选基准年、基准值、方向 ≥/≤）或现金流测算工作簿的“发展目标”表。完成率 = 实际值 ÷ 目标值；按计划进度为基准年实际值（统计表有该年时）到目标值的直线，目标年之前实际值不低于进度为“按计划”，否则“落后”；目标年及以后为“达到/未达到”。有企业缺少该项数据时结论为“需核实”（列出缺少的企业数），不判按计划或达到。统计表没有的指标（如土地开发、基础设施投资）标为“未检查”。输出跟踪表和完成率图（SVG）。</translation>
    </message>
    <message>
      <source>指标、目标年、目标值（可选 基准年、基准值、方向）；也可直接用现金流测算工作簿（读取“发展目标”表） / targets, or the cash-flow workbook</source>
      <translation>指标、目标年、目标值（可选 基准年、基准值、方向）；也可直接用现金流测算工作簿（读取“发展目标”表） / targets, or the cash-flow workbook</translation>
    </message>
    <message>
      <source>目标表没有基准年（或期限）时使用 / used where the table gives no base year</source>
      <translation>目标表没有基准年（或期限）时使用 / used where the table gives no base year</translation>
    </message>
    <message>
      <source>每个目标每年一行 / one row per target and year</source>
      <translation>每个目标每年一行 / one row per target and year</translation>
    </message>
    <message>
      <source>各目标各年完成率与计划进度 / completion per target and year</source>
      <translation>各目标各年完成率与计划进度 / completion per target and year</translation>
    </message>
    <message>
      <source>发展目标表（CSV/xlsx）</source>
      <translation>发展目标表（CSV/xlsx）</translation>
    </message>
    <message>
      <source>目标跟踪表</source>
      <translation>目标跟踪表</translation>
    </message>
    <message>
      <source>完成率图（SVG）</source>
      <translation>完成率图（SVG）</translation>
    </message>
    <message>
      <source>按计划或达到的项数</source>
      <translation>按计划或达到的项数</translation>
    </message>
    <message>
      <source>落后或未达到的项数</source>
      <translation>落后或未达到的项数</translation>
    </message>
    <message>
      <source>开发区年度综合评价</source>
      <translation>开发区年度综合评价</translation>
    </message>
    <message>
      <source>按指标体系文件（YAML：指标、权重、评分与分档）对每个园区每个年度综合评价：亩均税收、单位面积土地增加值、单位能耗增加值、全员劳动生产率、研发经费投入强度、主导产业产值占比、税收增长指数等，由企业统计汇总计算；同一次评价的全部园区—年度共用基准（100 分 = 平均水平），同一园区的各年可比，排名在同一年度内。园区取统计表的“园区”列（多个园区可在一张表中），无此列时为一个园区。某项数据有企业空缺时，该行“说明”写明“需核实：缺少该项的企业数/企业总数”，合计不当作完整。默认指标体系的权重为示意值（非官方）。</source>
      <translation>按指标体系文件（YAML：指标、权重、评分与分档）对每个园区每个年度综合评价：亩均税收、单位面积土地增加值、单位能耗增加值、全员劳动生产率、研发经费投入强度、主导产业产值占比、税收增长指数等，由企业统计汇总计算；同一次评价的全部园区—年度共用基准（100 分 = 平均水平），同一园区的各年可比，排名在同一年度内。园区取统计表的“园区”列（多个园区可在一张表中），无此列时为一个园区。某项数据有企业空缺时，该行“说明”写明“需核实：缺少该项的企业数/企业总数”，合计不当作完整。默认指标体系的权重为示意值（非官方）。</translation>
    </message>
    <message>
      <source>留空用示意配置 resources/monitoring/zone_evaluation_illustrative.yaml（非官方） / empty: the illustrative weights</source>
      <translation>留空用示意配置 resources/monitoring/zone_evaluation_illustrative.yaml（非官方） / empty: the illustrative weights</translation>
    </message>
    <message>
      <source>每个园区每个年度一行：指标、得分、年度排名、等级 / one row per zone and year</source>
      <translation>每个园区每个年度一行：指标、得分、年度排名、等级 / one row per zone and year</translation>
    </message>
    <message>
      <source>评价指标体系（YAML，可选）</source>
      <translation>评价指标体系（YAML，可选）</translation>
    </message>
    <message>
      <source>综合评价表</source>
      <translation>综合评价表</translation>
    </message>
    <message>
      <source>园区数</source>
      <translation>园区数</translation>
    </message>
    <message>
      <source>新建规划</source>
      <translation>新建规划</translation>
    </message>
    <message>
      <source>划分单元</source>
      <translation>划分单元</translation>
    </message>
    <message>
      <source>划分地块</source>
      <translation>划分地块</translation>
    </message>
    <message>
      <source>赋值指标</source>
      <translation>赋值指标</translation>
    </message>
    <message>
      <source>可行性测算</source>
      <translation>可行性测算</translation>
    </message>
    <message>
      <source>撤销上一步</source>
      <translation>撤销上一步</translation>
    </message>
    <message>
      <source>选择导出文件夹</source>
      <translation>选择导出文件夹</translation>
    </message>
    <message>
      <source>未审查</source>
      <translation>未审查</translation>
    </message>
    <message>
      <source>小组团规划</source>
      <translation>小组团规划</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>规划概览</source>
      <translation>规划概览</translation>
    </message>
    <message>
      <source>指标编辑</source>
      <translation>指标编辑</translation>
    </message>
    <message>
      <source>打开文件夹</source>
      <translation>打开文件夹</translation>
    </message>
    <message>
      <source>全部地块</source>
      <translation>全部地块</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>用地 / 产业</source>
      <translation>用地 / 产业</translation>
    </message>
    <message>
      <source>面积（公顷）</source>
      <translation>面积（公顷）</translation>
    </message>
    <message>
      <source>容积率</source>
      <translation>容积率</translation>
    </message>
    <message>
      <source>亩均等级</source>
      <translation>亩均等级</translation>
    </message>
    <message>
      <source>所选地块</source>
      <translation>所选地块</translation>
    </message>
    <message>
      <source>审查结论</source>
      <translation>审查结论</translation>
    </message>
    <message>
      <source>所选</source>
      <translation>所选</translation>
    </message>
    <message>
      <source>（不修改）</source>
      <translation>（不修改）</translation>
    </message>
    <message>
      <source>容积率下限</source>
      <translation>容积率下限</translation>
    </message>
    <message>
      <source>容积率上限</source>
      <translation>容积率上限</translation>
    </message>
    <message>
      <source>建筑系数下限 %</source>
      <translation>建筑系数下限 %</translation>
    </message>
    <message>
      <source>建筑密度上限 %</source>
      <translation>建筑密度上限 %</translation>
    </message>
    <message>
      <source>绿地率上限 %</source>
      <translation>绿地率上限 %</translation>
    </message>
    <message>
      <source>行政办公用地比例上限 %</source>
      <translation>行政办公用地比例上限 %</translation>
    </message>
    <message>
      <source>建筑限高 m</source>
      <translation>建筑限高 m</translation>
    </message>
    <message>
      <source>投资强度下限 万元/公顷</source>
      <translation>投资强度下限 万元/公顷</translation>
    </message>
    <message>
      <source>控制指标编辑（所选地块）</source>
      <translation>控制指标编辑（所选地块）</translation>
    </message>
    <message>
      <source>未选择地块</source>
      <translation>未选择地块</translation>
    </message>
    <message>
      <source>用地用海分类</source>
      <translation>用地用海分类</translation>
    </message>
    <message>
      <source>如 C20 或 20</source>
      <translation>如 C20 或 20</translation>
    </message>
    <message>
      <source>国民经济行业代码</source>
      <translation>国民经济行业代码</translation>
    </message>
    <message>
      <source>应用到所选地块</source>
      <translation>应用到所选地块</translation>
    </message>
    <message>
      <source>超出标准</source>
      <translation>超出标准</translation>
    </message>
    <message>
      <source>以下指标超出标准，仍然应用吗？</source>
      <translation>以下指标超出标准，仍然应用吗？</translation>
    </message>
    <message>
      <source>多个值</source>
      <translation>多个值</translation>
    </message>
    <message>
      <source>不限</source>
      <translation>不限</translation>
    </message>
    <message>
      <source>调整建议须达到的最大资金需求上限，0 为不限</source>
      <translation>调整建议须达到的最大资金需求上限，0 为不限</translation>
    </message>
    <message>
      <source>最大资金需求上限（万元）</source>
      <translation>最大资金需求上限（万元）</translation>
    </message>
    <message>
      <source>未测算</source>
      <translation>未测算</translation>
    </message>
    <message>
      <source>应用所选方案（新方案版本，可撤销）</source>
      <translation>应用所选方案（新方案版本，可撤销）</translation>
    </message>
    <message>
      <source>测算期内未回收</source>
      <translation>测算期内未回收</translation>
    </message>
    <message>
      <source>方案</source>
      <translation>方案</translation>
    </message>
    <message>
      <source>调整</source>
      <translation>调整</translation>
    </message>
    <message>
      <source>结论</source>
      <translation>结论</translation>
    </message>
    <message>
      <source>只有方案 1 由现金流测算写出调整后的地块</source>
      <translation>只有方案 1 由现金流测算写出调整后的地块</translation>
    </message>
    <message>
      <source>净现值</source>
      <translation>净现值</translation>
    </message>
    <message>
      <source>万元</source>
      <translation>万元</translation>
    </message>
    <message>
      <source>最大资金需求</source>
      <translation>最大资金需求</translation>
    </message>
    <message>
      <source>投资回收</source>
      <translation>投资回收</translation>
    </message>
    <message>
      <source>未搜索调整建议</source>
      <translation>未搜索调整建议</translation>
    </message>
    <message>
      <source>图层</source>
      <translation>图层</translation>
    </message>
    <message>
      <source>审查结果</source>
      <translation>审查结果</translation>
    </message>
    <message>
      <source>打开审查报告</source>
      <translation>打开审查报告</translation>
    </message>
    <message>
      <source>规则</source>
      <translation>规则</translation>
    </message>
    <message>
      <source>严重程度</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>冲突面积（㎡）</source>
      <translation>冲突面积（㎡）</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>审查已过期</source>
      <translation>审查已过期</translation>
    </message>
    <message>
      <source>个地块在审查后修改，请重新审查</source>
      <translation>个地块在审查后修改，请重新审查</translation>
    </message>
    <message>
      <source>问题</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>组团</source>
      <translation>组团</translation>
    </message>
    <message>
      <source>一张图冲突</source>
      <translation>一张图冲突</translation>
    </message>
    <message>
      <source>小组团规划默认样式</source>
      <translation>小组团规划默认样式</translation>
    </message>
    <message>
      <source>亩均效益等级</source>
      <translation>亩均效益等级</translation>
    </message>
    <message>
      <source>年</source>
      <translation>年</translation>
    </message>
    <message>
      <source>未评价（无统计数据）</source>
      <translation>未评价（无统计数据）</translation>
    </message>
    <message>
      <source>规划道路中心线</source>
      <translation>规划道路中心线</translation>
    </message>
    <message>
      <source>宗地</source>
      <translation>宗地</translation>
    </message>
    <message>
      <source>数字高程模型 DEM</source>
      <translation>数字高程模型 DEM</translation>
    </message>
    <message>
      <source>草图组团</source>
      <translation>草图组团</translation>
    </message>
    <message>
      <source>目标地块面积</source>
      <translation>目标地块面积</translation>
    </message>
    <message>
      <source>最小宽度</source>
      <translation>最小宽度</translation>
    </message>
    <message>
      <source>绘制组团</source>
      <translation>绘制组团</translation>
    </message>
    <message>
      <source>保留</source>
      <translation>保留</translation>
    </message>
    <message>
      <source>放弃</source>
      <translation>放弃</translation>
    </message>
    <message>
      <source>左键加点（按项目捕捉设置吸附），右键结束</source>
      <translation>左键加点（按项目捕捉设置吸附），右键结束</translation>
    </message>
    <message>
      <source>公顷</source>
      <translation>公顷</translation>
    </message>
    <message>
      <source>草图单元</source>
      <translation>草图单元</translation>
    </message>
    <message>
      <source>草图地块</source>
      <translation>草图地块</translation>
    </message>
    <message>
      <source>已保留</source>
      <translation>已保留</translation>
    </message>
    <message>
      <source>个图层</source>
      <translation>个图层</translation>
    </message>
    <message>
      <source>预览</source>
      <translation>预览</translation>
    </message>
    <message>
      <source>个单元</source>
      <translation>个单元</translation>
    </message>
    <message>
      <source>块地块</source>
      <translation>块地块</translation>
    </message>
    <message>
      <source>预览失败</source>
      <translation>预览失败</translation>
    </message>
    <message>
      <source>块</source>
      <translation>块</translation>
    </message>
    <message>
      <source>亩</source>
      <translation>亩</translation>
    </message>
    <message>
      <source>计容建筑面积</source>
      <translation>计容建筑面积</translation>
    </message>
    <message>
      <source>万㎡</source>
      <translation>万㎡</translation>
    </message>
    <message>
      <source>最低固定资产投资</source>
      <translation>最低固定资产投资</translation>
    </message>
    <message>
      <source>亿元</source>
      <translation>亿元</translation>
    </message>
    <message>
      <source>待处理问题</source>
      <translation>待处理问题</translation>
    </message>
    <message>
      <source>用地类别</source>
      <translation>用地类别</translation>
    </message>
    <message>
      <source>未赋值</source>
      <translation>未赋值</translation>
    </message>
    <message>
      <source>投资强度</source>
      <translation>投资强度</translation>
    </message>
    <message>
      <source>规划师流程：组团到图则</source>
      <translation>规划师流程：组团到图则</translation>
    </message>
    <message>
      <source>审查员流程：一张图与用地标准审查</source>
      <translation>审查员流程：一张图与用地标准审查</translation>
    </message>
    <message>
      <source>模型</source>
      <translation>模型</translation>
    </message>
    <message>
      <source>小组团滚动开发</source>
      <translation>小组团滚动开发</translation>
    </message>
    <message>
      <source>小组团滚动开发 Cluster rolling development</source>
      <translation>小组团滚动开发 Cluster rolling development</translation>
    </message>
  </context>
</TS>
