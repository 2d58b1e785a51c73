<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>zutuan</name>
    <message>
      <source>赋值控制指标</source>
      <translation>Assign control indicators</translation>
    </message>
    <message>
      <source>为每个地块填写控制指标（容积率上下限、建筑系数、建筑密度、绿地率上限、行政办公及生活服务设施用地比例、投资强度下限、建筑限高、产出强度、地均税收），并在 ZBLY 字段写明每项指标的来源；没有数值的指标写明原因（如“未赋值：2008标准不适用于物流仓储用地(1101)”“未赋值：无限高来源”），数值字段保持为空。优先顺序：地块自有值 &gt; 覆盖表（按 DKBH、DYBH、HYDM、YDYHFLDM）&gt; 单元默认值 &gt; 组团默认值 &gt; 标准按行业 &gt; 标准按用地类别。行业代码按 GB/T 4754-2017 填写（如 C26、2611），自动对应到 2008 版表格所用的 2002 版大类。2008 版投资强度表的数值没有可查来源，留空；需要它的检查报告“未检查：无标准值”，不会当作通过。地方配置文件（YAML）可收紧或增加指标（可按万元/亩填写，自动×15 换算为万元/公顷），宽于国家约束性指标的值被拒绝。2020 试行版用地代码自动识别并迁移到 2023 版，无效代码给出最接近的有效代码。地区分类目前只接受 一类–七类；土地等别与地区分类的对应关系未核实，未内置。派生：计容建筑面积 JRJZMJ = 容积率下限 × 用地面积，最低固定资产投资 ZDTZE = 投资强度 × 公顷，预计产值 YJCZ、预计税收 YJSS。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</source>
      <translation>Fills each plot's controls (FAR bounds, building coefficient, density, green ratio, office/service land share, minimum investment intensity, height limit, output and tax per hectare) and records where each value came from in ZBLY; a control without a value says why (e.g. '未赋值：2008标准不适用于物流仓储用地(1101)' — the 2008 standard does not cover logistics land; '未赋值：无限高来源' — no source gives a height limit) and its numeric field stays NULL. Precedence: the plot's own value &gt; overrides table (by DKBH, DYBH, HYDM, YDYHFLDM) &gt; unit default &gt; cluster default &gt; profile by industry &gt; profile by land-use class. Industry codes are GB/T 4754-2017 and are mapped to the 2002 divisions of the 2008 tables. The 2008 investment-intensity numbers are not available from any reachable source and are left empty: checks that need them report 'not checked', never a pass. A local YAML profile may tighten or add limits (per mu values are converted to per hectare); values looser than national mandatory ones are refused. 2020 trial land-use codes are detected and migrated; unknown codes get the nearest valid ones. Derived: JRJZMJ, ZDTZE, YJCZ and YJSS. Plot layers from elsewhere: choose the plot code, land-use and other fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); a needed field that cannot be found stops the run naming its parameter; outputs add the schema fields (DKBH, YDYHFLDM…) and keep the layer's own.</translation>
    </message>
    <message>
      <source>地块图层</source>
      <translation>Plot layer</translation>
    </message>
    <message>
      <source>地块（DKBH、YDYHFLDM、HYDM；已有的指标值保留）/ plots; existing control values are kept</source>
      <translation>Plots (DKBH, YDYHFLDM, HYDM); control values already filled in are kept</translation>
    </message>
    <message>
      <source>单元的指标字段作为其地块的默认值 / unit controls are defaults for their plots</source>
      <translation>The unit's control fields are the defaults of its plots</translation>
    </message>
    <message>
      <source>组团的指标字段作为其地块的默认值 / cluster controls are defaults for their plots</source>
      <translation>The cluster's control fields are the defaults of its plots</translation>
    </message>
    <message>
      <source>2008 版为第三方转载一致的数值；2023 版数值未核实 / the 2023 profile is unconfirmed</source>
      <translation>2008: values consistent across third-party reprints; 2023: values not yet confirmed</translation>
    </message>
    <message>
      <source>收紧或增加指标的地方配置，见 resources/standards/examples / a local profile tightening the national one</source>
      <translation>A local profile that tightens or adds limits, see resources/standards/examples</translation>
    </message>
    <message>
      <source>投资强度表的地区分类 / region class of the investment-intensity table</source>
      <translation>Region class of the investment-intensity table</translation>
    </message>
    <message>
      <source>按 DKBH/DYBH/HYDM/YDYHFLDM 指定指标；TZQD_MU 等列按万元/亩 / overrides keyed by code</source>
      <translation>Controls keyed by DKBH/DYBH/HYDM/YDYHFLDM; columns such as TZQD_MU are in 10,000 CNY per mu</translation>
    </message>
    <message>
      <source>与覆盖表相同，来自图层或无几何表 / the same as a layer or table</source>
      <translation>The same as the overrides table, from a layer or a table without geometry</translation>
    </message>
    <message>
      <source>自动：出现 2020 独有代码即按 2020 读取并迁移 / auto-detect the code edition</source>
      <translation>Automatic: codes that exist only in the 2020 edition make the layer read as 2020 and migrated</translation>
    </message>
    <message>
      <source>地块及指标、来源 ZBLY、派生值 / plots with controls, sources and derived values</source>
      <translation>Plots with their controls, the source of each value (ZBLY) and derived values</translation>
    </message>
    <message>
      <source>无效代码、缺行业代码、未检查项 / unknown codes, missing industry codes, not-checked items</source>
      <translation>Unknown codes, missing industry codes and items not checked</translation>
    </message>
    <message>
      <source>单元图层（可选，继承默认值）</source>
      <translation>Unit layer (optional, defaults inherited by its plots)</translation>
    </message>
    <message>
      <source>组团图层（可选，继承默认值）</source>
      <translation>Cluster layer (optional, defaults inherited by its plots)</translation>
    </message>
    <message>
      <source>国家标准配置</source>
      <translation>National standard profile</translation>
    </message>
    <message>
      <source>地方配置文件（可选，YAML）</source>
      <translation>Local profile (optional, YAML)</translation>
    </message>
    <message>
      <source>地区分类（投资强度用）</source>
      <translation>Region class (for investment intensity)</translation>
    </message>
    <message>
      <source>覆盖表（可选，CSV 或 xlsx）</source>
      <translation>Overrides table (optional, CSV or xlsx)</translation>
    </message>
    <message>
      <source>覆盖表图层（可选）</source>
      <translation>Overrides layer (optional)</translation>
    </message>
    <message>
      <source>用地用海分类版本</source>
      <translation>Land/sea-use classification edition</translation>
    </message>
    <message>
      <source>带控制指标的地块</source>
      <translation>Plots with control indicators</translation>
    </message>
    <message>
      <source>问题清单</source>
      <translation>Findings</translation>
    </message>
    <message>
      <source>计容建筑面积合计（平方米）</source>
      <translation>Total FAR-counted floor area (m²)</translation>
    </message>
    <message>
      <source>最低固定资产投资合计（万元）</source>
      <translation>Total minimum fixed-asset investment (10,000 CNY)</translation>
    </message>
    <message>
      <source>未检查项数</source>
      <translation>Number of items not checked</translation>
    </message>
    <message>
      <source>工业项目建设用地控制指标（2008）</source>
      <translation>Control indicators for industrial project land (2008)</translation>
    </message>
    <message>
      <source>工业项目建设用地控制指标（2023，未核实）</source>
      <translation>Control indicators for industrial project land (2023, unconfirmed)</translation>
    </message>
    <message>
      <source>自动识别</source>
      <translation>Detect automatically</translation>
    </message>
    <message>
      <source>2020 试行</source>
      <translation>2020 trial edition</translation>
    </message>
    <message>
      <source>未指定</source>
      <translation>Not specified</translation>
    </message>
    <message>
      <source>一类</source>
      <translation>Class 1</translation>
    </message>
    <message>
      <source>二类</source>
      <translation>Class 2</translation>
    </message>
    <message>
      <source>三类</source>
      <translation>Class 3</translation>
    </message>
    <message>
      <source>四类</source>
      <translation>Class 4</translation>
    </message>
    <message>
      <source>五类</source>
      <translation>Class 5</translation>
    </message>
    <message>
      <source>六类</source>
      <translation>Class 6</translation>
    </message>
    <message>
      <source>七类</source>
      <translation>Class 7</translation>
    </message>
    <message>
      <source>布局</source>
      <translation>Layout</translation>
    </message>
    <message>
      <source>指标</source>
      <translation>Controls</translation>
    </message>
    <message>
      <source>审查</source>
      <translation>Review</translation>
    </message>
    <message>
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>测算</source>
      <translation>Feasibility</translation>
    </message>
    <message>
      <source>监测</source>
      <translation>Monitoring</translation>
    </message>
    <message>
      <source>地块编号字段</source>
      <translation>Plot code field</translation>
    </message>
    <message>
      <source>地块编号所在字段（默认 DKBH）；留空或图层没有该字段时识别常用名称（DKBM、ZDDM 等，见 resources/standards/field_variants.csv） / the field holding the plot code (DKBH by default); empty or absent: a usual name is recognised</source>
      <translation>the field holding the plot code (DKBH by default); empty or absent: a usual name is recognised</translation>
    </message>
    <message>
      <source>用地用海分类代码字段</source>
      <translation>Land/sea-use class code field</translation>
    </message>
    <message>
      <source>用地用海分类代码（如 1001）所在字段（默认 YDYHFLDM）；留空或图层没有该字段时识别常用名称（YDDM、YDXZ、DLBM 等） / the field holding the land/sea-use code (YDYHFLDM by default); empty or absent: a usual name is recognised</source>
      <translation>the field holding the land/sea-use code (YDYHFLDM by default); empty or absent: a usual name is recognised</translation>
    </message>
    <message>
      <source>单元编号字段</source>
      <translation>Unit code field</translation>
    </message>
    <message>
      <source>单元编号所在字段（默认 DYBH）；留空或图层没有该字段时识别常用名称 / the field holding the unit code (DYBH by default); empty or absent: a usual name is recognised</source>
      <translation>the field holding the unit code (DYBH by default); empty or absent: a usual name is recognised</translation>
    </message>
    <message>
      <source>组团编号字段</source>
      <translation>Cluster code field</translation>
    </message>
    <message>
      <source>组团编号所在字段（默认 ZTBH）；没有时由单元或地块编号的前缀推出 / the field holding the cluster code (ZTBH by default); absent: from the unit or plot code prefix</source>
      <translation>the field holding the cluster code (ZTBH by default); absent: from the unit or plot code prefix</translation>
    </message>
    <message>
      <source>供地状态字段</source>
      <translation>Land supply status field</translation>
    </message>
    <message>
      <source>供地状态所在字段（默认 GDZT），取值“已供地”为已供地 / the field holding the land supply status (GDZT by default)</source>
      <translation>the field holding the land supply status (GDZT by default)</translation>
    </message>
    <message>
      <source>行业代码字段</source>
      <translation>Industry code field</translation>
    </message>
    <message>
      <source>GB/T 4754-2017 行业代码所在字段（默认 HYDM） / the field holding the GB/T 4754-2017 industry code (HYDM by default)</source>
      <translation>the field holding the GB/T 4754-2017 industry code (HYDM by default)</translation>
    </message>
    <message>
      <source>中文报告，可打印为 PDF / Chinese report</source>
      <translation>A report in Chinese that prints to PDF</translation>
    </message>
    <message>
      <source>合规地块数</source>
      <translation>Compliant plots</translation>
    </message>
    <message>
      <source>不合规地块数</source>
      <translation>Non-compliant plots</translation>
    </message>
    <message>
      <source>需核实地块数</source>
      <translation>Plots to verify</translation>
    </message>
    <message>
      <source>审查结果地块</source>
      <translation>Checked plots</translation>
    </message>
    <message>
      <source>审查报告（HTML）</source>
      <translation>Review report (HTML)</translation>
    </message>
    <message>
      <source>构建层级编码与拓扑检查</source>
      <translation>Build hierarchy codes and check topology</translation>
    </message>
    <message>
      <source>用于手绘或导入的组团、单元、地块图层：按空间包含关系（面积最大的上级）赋予或校验编码（组团 Z01、单元 Z01-01、地块 Z01-01-01，已有的有效编码默认保留），并检查重叠、空隙（上级内未被下级覆盖的部分）、碎片、跨越上级边界、不在任何上级内、编码重复、格式错误、编码与上级不符以及无效几何。每个问题输出为带位置的问题图斑，可逐条缩放定位。</source>
      <translation>For hand-drawn or imported cluster / unit / plot layers: assigns or validates codes by containment (the parent holding the largest share; Z01, Z01-01, Z01-01-01; valid existing codes are kept unless overwritten) and reports overlaps, gaps (parent area not covered by children), slivers, children crossing their parent's boundary or outside every parent, duplicate, malformed or inconsistent codes, and invalid geometries — each as a finding with its location so it can be zoomed to.</translation>
    </message>
    <message>
      <source>按包含关系和主轴顺序编号 / assign codes by containment and main-axis order</source>
      <translation>Assign codes by containment and in main-axis order</translation>
    </message>
    <message>
      <source>否：有效且与上级一致的已有编码保留 / keep valid consistent codes when off</source>
      <translation>Off: existing codes that are valid and consistent with their parent are kept</translation>
    </message>
    <message>
      <source>小于此面积的重叠和空隙不报告 / overlaps and gaps below this are ignored</source>
      <translation>Overlaps and gaps smaller than this area are not reported</translation>
    </message>
    <message>
      <source>小于此面积的要素报告为碎片 / features below this are slivers</source>
      <translation>Features smaller than this area are reported as slivers</translation>
    </message>
    <message>
      <source>重叠、空隙、碎片、越界、编码问题、无效几何 / topology and code findings</source>
      <translation>Overlaps, gaps, slivers, features outside their parent, code problems, invalid geometries</translation>
    </message>
    <message>
      <source>ZTBH 组团编号 / clusters</source>
      <translation>Clusters (cluster code ZTBH)</translation>
    </message>
    <message>
      <source>DYBH 单元编号 / units</source>
      <translation>Units (unit code DYBH)</translation>
    </message>
    <message>
      <source>DKBH 地块编号 / plots</source>
      <translation>Plots (plot code DKBH)</translation>
    </message>
    <message>
      <source>编号所在字段（默认为数据模型字段名）；留空或没有时识别常用名称，仍没有则按“赋予编码”编号 / the code field (the schema name by default); empty or absent: a usual name is recognised, else codes are assigned</source>
      <translation>the code field (the schema name by default); empty or absent: a usual name is recognised, else codes are assigned</translation>
    </message>
    <message>
      <source>输入要素及编码 / input features with codes</source>
      <translation>The input features with their codes</translation>
    </message>
    <message>
      <source>赋予编码</source>
      <translation>Assign codes</translation>
    </message>
    <message>
      <source>覆盖已有编码</source>
      <translation>Overwrite existing codes</translation>
    </message>
    <message>
      <source>重叠/空隙容差（平方米）</source>
      <translation>Overlap/gap tolerance (m²)</translation>
    </message>
    <message>
      <source>碎片面积（平方米）</source>
      <translation>Sliver area (m²)</translation>
    </message>
    <message>
      <source>错误数</source>
      <translation>Number of errors</translation>
    </message>
    <message>
      <source>警告数</source>
      <translation>Number of warnings</translation>
    </message>
    <message>
      <source>组团图层（可选）</source>
      <translation>Cluster layer (optional)</translation>
    </message>
    <message>
      <source>单元图层（可选）</source>
      <translation>Unit layer (optional)</translation>
    </message>
    <message>
      <source>地块图层（可选）</source>
      <translation>Plot layer (optional)</translation>
    </message>
    <message>
      <source>编码后的组团</source>
      <translation>Coded clusters</translation>
    </message>
    <message>
      <source>编码后的单元</source>
      <translation>Coded units</translation>
    </message>
    <message>
      <source>编码后的地块</source>
      <translation>Coded plots</translation>
    </message>
    <message>
      <source>计算用地面积</source>
      <translation>Calculate land area</translation>
    </message>
    <message>
      <source>在投影米制坐标系中计算每个面要素的用地面积，写入 YDMJ（平方米）、MJGQ（公顷）、MJMU（亩）。投影坐标系只有在数据范围内面积变形不超过 0.1%（按数据四角、边中点和中心的面积比例因子计算）时才直接用于量算；否则（如 Web 墨卡托 EPSG:3857）以及经纬度数据（CGCS2000 或 WGS 84）都投影到所在的 CGCS2000 三度带高斯-克吕格坐标系量算，并在日志中说明。坐标与坐标系不符（如带号坐标配了不带带号的坐标系、米制坐标配了经纬度坐标系）时停止并说明应改用的坐标系；无坐标系的图层被拒绝；无效几何自动修复并提示，空几何跳过；曲线（圆弧）按最大偏差线性化（默认 0.01 米），日志给出线性化的要素数。输入图层不会被修改。1 公顷 = 10000 平方米 = 15 亩。</source>
      <translation>Measures each polygon in a projected metre CRS and writes YDMJ (m²), MJGQ (hectares) and MJMU (mu). A projected CRS is used for measuring only when its areal scale error over the data is at most 0.1 % (areal scale factor at the data's corners, edge midpoints and centre); otherwise (e.g. Web Mercator EPSG:3857) and for data in degrees (CGCS2000 or WGS 84) areas are measured in the CGCS2000 3-degree Gauss-Krüger zone that contains the data, and the log says so. Coordinates that cannot belong to the layer's CRS (zone-prefixed X with a no-prefix CRS, metres in a geographic CRS …) stop the run naming the CRS to use; layers without a CRS are refused; invalid geometries are repaired and reported, null ones skipped; curves (arcs) are linearised within a maximum deviation (default 0.01 m) and the log counts them. The input is never modified. 1 ha = 10,000 m² = 15 mu.</translation>
    </message>
    <message>
      <source>要量算面积的面图层（组团、单元、地块或任意面） / polygons to measure</source>
      <translation>Polygons to measure (clusters, units, plots or any polygons)</translation>
    </message>
    <message>
      <source>留空：投影坐标系用其本身，经纬度用所在 CGCS2000 三度带 / empty: automatic</source>
      <translation>Empty: a projected CRS is used as is; data in degrees uses its CGCS2000 3-degree zone</translation>
    </message>
    <message>
      <source>问题清单中标识要素的编号；留空时取地块、单元或组团编号（含常用名称，如 DKBM、ZDDM） / the code naming features in the findings; empty: the plot, unit or cluster code (usual names recognised)</source>
      <translation>the code naming features in the findings; empty: the plot, unit or cluster code (usual names recognised)</translation>
    </message>
    <message>
      <source>输入要素及面积字段 YDMJ、MJGQ、MJMU / input features with area fields</source>
      <translation>The input features with the area fields YDMJ, MJGQ and MJMU</translation>
    </message>
    <message>
      <source>圆弧等曲线转为折线时与原弧的最大距离 / maximum distance of the straight segments from the arcs</source>
      <translation>maximum distance of the straight segments from the arcs</translation>
    </message>
    <message>
      <source>输入面图层</source>
      <translation>Input polygon layer</translation>
    </message>
    <message>
      <source>量算坐标系（留空自动选择）</source>
      <translation>Measurement CRS (empty: chosen automatically)</translation>
    </message>
    <message>
      <source>编号字段（可选）</source>
      <translation>Code field (optional)</translation>
    </message>
    <message>
      <source>带面积的图层</source>
      <translation>Layer with areas</translation>
    </message>
    <message>
      <source>曲线线性化最大偏差（米）</source>
      <translation>Maximum deviation when linearising curves (m)</translation>
    </message>
    <message>
      <source>总面积（平方米）</source>
      <translation>Total area (m²)</translation>
    </message>
    <message>
      <source>总面积（公顷）</source>
      <translation>Total area (ha)</translation>
    </message>
    <message>
      <source>总面积（亩）</source>
      <translation>Total area (mu)</translation>
    </message>
    <message>
      <source>量算坐标系</source>
      <translation>Measurement CRS</translation>
    </message>
    <message>
      <source>现金流测算</source>
      <translation>Cash-flow analysis</translation>
    </message>
    <message>
      <source>按滚动开发分期（单元已有 KFFQ 时按其分期，否则按“滚动开发分期”的规则自动分期）逐季度测算 40 个季度的现金流：需调整用地不计入，已供地不计征地、不再出让。收支来自规划本身：土地收入按地块用地类别的地价（参数文件 land_use 表，地块地价字段优先）和供地方式（出让；弹性出让按年期修正系数；先租后让先收租金、期满收取剩余年期出让价款；长期租赁按季收租；供地方式字段或默认方式）计算；开发主体按用地类别的比例建设标准厂房，建筑面积 = 用地面积 × 容积率（地块容积率下限 RJLXX），建安成本、售价和租金按用地类别，出租率按爬坡期上升；地均税收与产出强度取各地块的控制指标（DJSS、CCQD），其次取用地类别的值，企业投产后按爬坡期达产。征地拆迁、七通一平、道路（按道路图层的等级和长度）、市政管网、公共配套、运营等支出照常计算。测算起始季度取规划元数据的编制年份（或参数 START_YEAR），目标基准年取规划元数据 JZNF，摘要中写明来源。多个参与方：平台公司、按权益比例（及飞地税收分成）分配的合作方、政府资金（预算内投资补助、专项债，按参数的比例、额度、利率、期限和还本方式）和存量债务，各自的现金流、净现值与最大资金需求。输出 Excel 工作簿（测算摘要、分期表、现金流量表、组团与分期现金流、敏感性分析（地价、建设成本、去化速度、出租率、税收）、地价 × 出租率双因素表、发展目标、参与方汇总与各参与方现金流、调整建议、参数），可选 CSV、各期累计现金流图和敏感性龙卷风图（PNG/SVG）。勾选“搜索调整建议”时，在规则允许的范围内（用途调整须符合规划分区兼容表并按标准重新赋值控制指标，容积率在标准与地块上限之内，供地方式，分期顺序与每期规模；需调整用地不动）搜索达到净现值、资金峰值和发展目标且改动最少的方案，列入“调整建议”表并写入日志；搜索按随机种子确定、有时间上限。净现值与内部收益率由 numpy-financial 计算（融资前项目现金流）；融资计划按债务与资本金比例覆盖每季资金缺口。金额单位万元；默认参数仅为示意性假设，须以本开发区数据替换。</source>
      <translation>Computes a 40-quarter cash flow of the phased plan (the units' KFFQ when filled, otherwise phased by the rolling-development rules; land set apart by a prohibiting rule is left out, supplied land is neither acquired nor sold again). The money comes from the plan: land income at each plot's land-use class price (the parameter file's land_use table; a plot's own price field wins) under its supply mode (出让 transfer; 弹性出让 flexible term with the term factor; 先租后让 rent, then the transfer of the remaining term; 长期租赁 rent; from a mode field or the default mode); standard factories built by the developer on its class's share of the land, floor area = area × FAR (the plot's RJLXX), with the class's construction cost, sale price and rent and an occupancy ramp; tax and output per hectare from each plot's controls (DJSS, CCQD), else its class, ramping up once enterprises produce. Acquisition, site preparation, roads by class and length, utilities, public facilities and operation as before. The start is the plan's year (metadata BZNF, or START_YEAR) and the base year the plan's JZNF, as the summary says. Several parties: the platform company, a partner with its equity share (and a 飞地 tax share), government funds (budget grant, special bonds with their share, cap, rate, term and repayment) and existing debt, each with its own cash flow, NPV and peak funding. Writes an Excel workbook (summary, phase table, quarterly cash flow, clusters and phases, sensitivity of land price, construction cost, absorption, occupancy and tax, a land price × occupancy table, 3- and 5-year targets, parties, suggestions, parameters), optionally a CSV, a chart of cumulative cash flow per phase and a tornado chart (PNG or SVG). With 'search suggestions' ticked it searches, within the rules (a use change must be allowed by the zoning table and takes the standard's controls, FAR within the standard and the plot's maximum, supply mode, phase order and size; land set apart is never touched), for the least-change plans reaching the NPV, peak-funding and development targets, listed in the 调整建议 sheet and the log; the search is seeded and time-bounded. NPV and IRR come from numpy-financial on the project flow before financing; the financing plan covers each quarter's gap with debt and equity. Amounts in 万元 (10,000 CNY); the default parameters are illustrative assumptions to be replaced.</translation>
    </message>
    <message>
      <source>优先于规划元数据的编制年份与参数 schedule.start_year / wins over the plan's year and the parameter file</source>
      <translation>wins over the plan's year and the parameter file</translation>
    </message>
    <message>
      <source>覆盖参数 schedule.start_quarter / overrides schedule.start_quarter</source>
      <translation>Overrides the parameter schedule.start_quarter</translation>
    </message>
    <message>
      <source>小数，如 0.08 表示 8%；写成 8 会被拒绝 / a fraction: 0.08 means 8 %</source>
      <translation>A fraction: 0.08 means 8 %; 8 is refused</translation>
    </message>
    <message>
      <source>默认取规划元数据的基准年，否则测算起始年的上一年 / default: the plan's base year, else the year before the start</source>
      <translation>default: the plan's base year, else the year before the start</translation>
    </message>
    <message>
      <source>输出 .xlsx：摘要、分期、现金流、敏感性、目标、参数 / the workbook to write</source>
      <translation>The .xlsx to write: summary, phases, cash flow, sensitivity, targets, parameters</translation>
    </message>
    <message>
      <source>逐季度现金流量表，UTF-8（带 BOM） / the quarterly table as CSV</source>
      <translation>The quarterly cash-flow table as CSV, UTF-8 with BOM</translation>
    </message>
    <message>
      <source>各期与全区累计净现金流折线图 / cumulative cash flow per phase</source>
      <translation>Line chart of the cumulative net cash flow of each phase and of the whole zone</translation>
    </message>
    <message>
      <source>取值 出让/弹性出让/先租后让/长期租赁；已供地由供地状态决定 / supply mode per plot; supplied land is told by GDZT</source>
      <translation>supply mode per plot; supplied land is told by GDZT</translation>
    </message>
    <message>
      <source>没有供地方式的地块按此测算 / the mode of plots without their own</source>
      <translation>the mode of plots without their own</translation>
    </message>
    <message>
      <source>地块自己的出让价，优先于参数文件按用地类别的地价 / a plot's own land price wins over the class rate</source>
      <translation>a plot's own land price wins over the class rate</translation>
    </message>
    <message>
      <source>各因素上下变动对净现值的影响 / NPV at each factor's lowest and highest step</source>
      <translation>NPV at each factor's lowest and highest step</translation>
    </message>
    <message>
      <source>在规则允许的范围内搜索达到目标（净现值、资金峰值、发展目标）改动最少的方案 / search the least-change plans that reach the targets</source>
      <translation>search the least-change plans that reach the targets</translation>
    </message>
    <message>
      <source>覆盖参数 search.seconds / overrides search.seconds</source>
      <translation>overrides search.seconds</translation>
    </message>
    <message>
      <source>覆盖参数 search.peak_funding_limit / overrides search.peak_funding_limit</source>
      <translation>overrides search.peak_funding_limit</translation>
    </message>
    <message>
      <source>调整建议的容积率与用途须符合的地方标准配置 / the local profile the suggested FAR and uses must meet</source>
      <translation>the local profile the suggested FAR and uses must meet</translation>
    </message>
    <message>
      <source>第一个调整方案应用后的全部地块（新用途及其控制指标、容积率、分期、供地方式 GDFS），可再审查与测算 / every plot with the first suggestion applied: a new plan version to check and compute again</source>
      <translation>every plot with the first suggestion applied: a new plan version to check and compute again</translation>
    </message>
    <message>
      <source>测算起始年（可选）</source>
      <translation>First year of the analysis (optional)</translation>
    </message>
    <message>
      <source>起始季度 1–4（可选）</source>
      <translation>First quarter 1–4 (optional)</translation>
    </message>
    <message>
      <source>年折现率（小数，可选）</source>
      <translation>Annual discount rate (fraction, optional)</translation>
    </message>
    <message>
      <source>发展目标基准年（可选）</source>
      <translation>Base year of the development targets (optional)</translation>
    </message>
    <message>
      <source>测算工作簿</source>
      <translation>Feasibility workbook</translation>
    </message>
    <message>
      <source>现金流量表 CSV（可选）</source>
      <translation>Cash-flow table CSV (optional)</translation>
    </message>
    <message>
      <source>累计现金流图（可选）</source>
      <translation>Cumulative cash-flow chart (optional)</translation>
    </message>
    <message>
      <source>最大资金需求季度</source>
      <translation>Quarter of peak funding need</translation>
    </message>
    <message>
      <source>投资回收季度</source>
      <translation>Payback quarter</translation>
    </message>
    <message>
      <source>供地方式字段（可选）</source>
      <translation>Supply mode field (optional)</translation>
    </message>
    <message>
      <source>默认供地方式</source>
      <translation>Default supply mode</translation>
    </message>
    <message>
      <source>地价字段（万元/公顷，可选）</source>
      <translation>Land price field (10k CNY/ha, optional)</translation>
    </message>
    <message>
      <source>敏感性龙卷风图（可选）</source>
      <translation>Sensitivity tornado chart (optional)</translation>
    </message>
    <message>
      <source>搜索调整建议</source>
      <translation>Search suggestions (what to change)</translation>
    </message>
    <message>
      <source>搜索时间上限（秒，可选）</source>
      <translation>Search time limit (s, optional)</translation>
    </message>
    <message>
      <source>最大资金需求上限（万元，可选）</source>
      <translation>Peak funding limit (10k CNY, optional)</translation>
    </message>
    <message>
      <source>调整后的地块（方案 1，可选）</source>
      <translation>Adjusted plots (suggestion 1, optional)</translation>
    </message>
    <message>
      <source>达到目标的调整方案数</source>
      <translation>Suggestions reaching the targets</translation>
    </message>
    <message>
      <source>净现值（万元）</source>
      <translation>NPV (10,000 CNY)</translation>
    </message>
    <message>
      <source>内部收益率（年）</source>
      <translation>IRR (annual)</translation>
    </message>
    <message>
      <source>最大资金需求（万元）</source>
      <translation>Peak funding need (10,000 CNY)</translation>
    </message>
    <message>
      <source>按参数文件 / as in the parameter file</source>
      <translation>as in the parameter file</translation>
    </message>
    <message>
      <source>出让 / transfer</source>
      <translation>transfer</translation>
    </message>
    <message>
      <source>弹性出让 / flexible-term transfer</source>
      <translation>flexible-term transfer</translation>
    </message>
    <message>
      <source>先租后让 / lease then transfer</source>
      <translation>lease then transfer</translation>
    </message>
    <message>
      <source>长期租赁 / long-term lease</source>
      <translation>long-term lease</translation>
    </message>
    <message>
      <source>一张图符合性审查</source>
      <translation>Check against territorial master-plan layers</translation>
    </message>
    <message>
      <source>将地块与国土空间总体规划“一张图”比对：生态保护红线、永久基本农田（建设用地不得占用）、城镇开发边界（建设用地须位于其内）、规划分区（按可编辑的分区—用地兼容表）、任意其他管控图层（不得占用 / 须位于其内 / 接触即提示）以及 DEM 坡度（大于限值部分的比例）。各图层可为不同坐标系，统一投影到米制坐标系精确量算面积（与独立精确计算相差不超过 0.01 平方米）；同一图层内相互重叠的图斑不重复计算。小于容差的重叠和仅边界相接不算违规；设置“边界容差”后，小于该面积的禁止性冲突判为“需核实（疑似边界误差）”，报告写明所用阈值。报告给出每个地块和全部的冲突净面积（各规则冲突部分的并集，重叠只计一次）、总图和每个冲突地块的示意图（相邻地块、管控边界、指北针、比例尺）及按规则数据（resources/standards/review_actions.csv）的处理建议。也可直接指定交付的“一张图”数据库（GeoPackage、File Geodatabase、Shapefile 文件夹或 PostGIS 模式），按数据库标准的图层名称和字段（resources/standards/layer_roles.csv，可用别名表补充）识别各管控图层，日志和报告列出匹配结果，数据库中没有的图层其规则为“未检查”。提供了但为空或无法读取的图层，其规则标为“未检查”，不会当作通过；管控图层范围与地块范围不相交时（多为坐标系错误）该规则也为“未检查”，除非在“已知位于别处的图层”中声明。坐标与坐标系不符时停止并说明应改用的坐标系。管控图层与地块基准不同（如西安 1980、北京 1954 与 CGCS2000）而转换为粗略转换（ballpark）或精度差于 1 米时，报告和日志注明转换及其精度，距边界在该精度以内的冲突改为“需核实”；可在“基准转换参数”中填写省级公布的七参数（dx,dy,dz,rx,ry,rz,ds，单位 米、秒、ppm，位置矢量约定）或 PROJ 管道，并在“基准转换精度”中填写其精度；QGIS 工程中设置的基准转换也会采用。每条规则只需要自己的字段：缺少用地代码字段时仅规划分区规则未检查。输出：带审查结论的地块（合规 / 不合规 / 需核实）、冲突图斑（地块 × 规则 × 管控要素）和可打印为 PDF 的中文 HTML 报告。“建设用地”按 resources/standards/construction_land_codes.csv 判定。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；所选字段图层中没有时停止并指明参数；没有地块编号时以要素编号标识地块；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</source>
      <translation>Checks plots against the master plan's control lines: ecological red line and permanent basic farmland (construction land may not occupy them), urban development boundary (construction land must lie inside), planning zones (editable zone → land-use compatibility table), any other constraint layers (may not occupy / must lie inside / warn when touching) and DEM slope (share steeper than a limit). Layers may be in different CRSs; areas are exact in one projected metre CRS (within 0.01 m² of an independent exact computation) and overlapping polygons of one layer are not counted twice. Overlaps below the tolerance and edge contacts are not violations; with a boundary tolerance, a prohibiting conflict smaller than it is 需核实（疑似边界误差） (probable boundary mismatch) and the report states the threshold. The report gives the net area in conflict per plot and in total (the union of the conflict parts, overlaps counted once), an overview map and one map per conflicting plot (neighbours, constraint boundary, north arrow, scale) and the suggested action per finding from the rule data (resources/standards/review_actions.csv). A delivered 一张图 database (GeoPackage, File Geodatabase, folder of shapefiles or PostGIS schema) can be given instead: its layers are found by the database standards' names and fields (resources/standards/layer_roles.csv, extended by an alias table), the log and the report list what was matched, and a rule whose layer is not there is not checked. A layer given but empty or unreadable makes its rule 'not checked', never a pass; so does a constraint layer whose extent does not meet the plots' (usually a CRS slip) unless it is declared to lie elsewhere. Coordinates that cannot belong to their CRS stop the run naming the CRS to use. When a constraint layer is on another datum than the plots (Xian 1980, Beijing 1954 vs CGCS2000) and the transformation is a ballpark one or worse than 1 m, the report and the log name it with its accuracy and conflicts within that distance of a boundary become 需核实; a province's published 7 parameters (dx,dy,dz,rx,ry,rz,ds in m, arc-seconds, ppm, position-vector convention) or a PROJ pipeline can be given with their accuracy, and the QGIS project's datum transformations are used. Each rule needs only its own fields: without a land-use code field only the zoning rule is not checked. Outputs: plots with a result (合规 / 不合规 / 需核实), conflict polygons (plot × rule × constraint feature) and a Chinese HTML report that prints to PDF. Plot layers from elsewhere: choose the plot code and land-use fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); a chosen field that the layer lacks stops the run naming its parameter; without a plot code plots are named by feature id; outputs add the schema fields (DKBH, YDYHFLDM…) and keep the layer's own.</translation>
    </message>
    <message>
      <source>生态保护红线</source>
      <translation>Ecological protection red line</translation>
    </message>
    <message>
      <source>永久基本农田</source>
      <translation>Permanent basic farmland</translation>
    </message>
    <message>
      <source>城镇开发边界</source>
      <translation>Urban development boundary</translation>
    </message>
    <message>
      <source>规划分区</source>
      <translation>Planning zones</translation>
    </message>
    <message>
      <source>其他管控图层</source>
      <translation>Other constraint layers</translation>
    </message>
    <message>
      <source>待审查的地块（任意来源）/ the plots to check</source>
      <translation>The plots to check (from any source)</translation>
    </message>
    <message>
      <source>无代码字段或代码为空时使用，如审查工业组团填 1001 / used where a feature has no code, e.g. 1001</source>
      <translation>Used where there is no code field or the code is empty, e.g. 1001 when checking an industrial cluster</translation>
    </message>
    <message>
      <source>交付的国土空间规划“一张图”数据库：GeoPackage、File Geodatabase 文件夹（.gdb）、Shapefile 文件夹或 PostGIS（PG:service=… schemas=…）；按数据库标准的图层名称和字段识别生态保护红线、永久基本农田、城镇开发边界、规划分区等（resources/standards/layer_roles.csv），下面单独指定的图层优先；找不到的图层为“未检查” / the delivered database (GeoPackage, File Geodatabase folder, folder of shapefiles or PostGIS): its control-line and zoning layers are found by the standard's names and fields; layers given below win; a layer not found is not checked</source>
      <translation>the delivered database (GeoPackage, File Geodatabase folder, folder of shapefiles or PostGIS): its control-line and zoning layers are found by the standard's names and fields; layers given below win; a layer not found is not checked</translation>
    </message>
    <message>
      <source>本地图层名称补充：列 role（redline/farmland/urban/zoning/other）、name，可选 kind（exact/contains）、label、rule、source / local layer names extending the name table: columns role and name, optionally kind, label, rule, source</source>
      <translation>local layer names extending the name table: columns role and name, optionally kind, label, rule, source</translation>
    </message>
    <message>
      <source>地块及 SCJL 审查结论、WTSL 问题数、CT_* 各规则冲突面积 / plots with results</source>
      <translation>Plots with the review result SCJL, the number of findings WTSL and the conflict area CT_* of each rule</translation>
    </message>
    <message>
      <source>冲突图斑</source>
      <translation>Conflict polygons</translation>
    </message>
    <message>
      <source>地块 × 规则 × 管控要素 / conflict polygons</source>
      <translation>Conflict polygons: plot × rule × constraint feature</translation>
    </message>
    <message>
      <source>建设用地不得占用 / construction land may not occupy</source>
      <translation>Construction land may not occupy it</translation>
    </message>
    <message>
      <source>建设用地须位于其内 / construction land must lie inside</source>
      <translation>Construction land must lie inside it</translation>
    </message>
    <message>
      <source>规划分区 / 用途分区图层 / planning zones</source>
      <translation>Planning zone / land-use zone layer</translation>
    </message>
    <message>
      <source>分区名称所在字段，如 GHFQ（取值如“工业发展区”）/ field holding the zone name</source>
      <translation>Field holding the zone name, e.g. GHFQ (values such as 工业发展区, industrial development zone)</translation>
    </message>
    <message>
      <source>分区 → 允许的用地代码；默认 resources/standards/zoning_compatibility.csv / zone compatibility table</source>
      <translation>Zone → allowed land-use codes; default resources/standards/zoning_compatibility.csv</translation>
    </message>
    <message>
      <source>如历史文化保护线、地质灾害风险区、洪涝风险控制线 / further constraint layers</source>
      <translation>Further constraint layers, e.g. historic and cultural protection lines, geological hazard zones, flood risk control lines</translation>
    </message>
    <message>
      <source>按图层顺序：forbid 不得占用 / within 须位于其内 / touch 接触即提示；不足的按最后一个 / one rule per layer</source>
      <translation>One rule per layer, in layer order: forbid (may not occupy), within (must lie inside), touch (any contact is reported); missing rules repeat the last one</translation>
    </message>
    <message>
      <source>规则名称，如 历史文化保护线 / rule names</source>
      <translation>Rule names, e.g. 历史文化保护线 (historic and cultural protection line)</translation>
    </message>
    <message>
      <source>按栅格像元大小和坐标系计算坡度 / slope from the DEM's cell size and CRS</source>
      <translation>Slope computed from the DEM's cell size and CRS</translation>
    </message>
    <message>
      <source>大于此坡度的部分计入占比 / slopes above this count</source>
      <translation>The share of each plot steeper than this is reported</translation>
    </message>
    <message>
      <source>小于此面积的重叠不算违规 / overlaps below this are ignored</source>
      <translation>Overlaps smaller than this area are not violations</translation>
    </message>
    <message>
      <source>地块与某条禁止性规则的冲突面积小于此值时判为“需核实（疑似边界误差）”而非不合规，报告写明所用阈值 / a prohibiting conflict smaller than this is 'to be verified (probable boundary mismatch)' instead of non-compliant; the report states the threshold</source>
      <translation>a prohibiting conflict smaller than this is 'to be verified (probable boundary mismatch)' instead of non-compliant; the report states the threshold</translation>
    </message>
    <message>
      <source>大图层按空间分区在多个线程上审查，结果与单线程相同 / large layers are checked in spatial partitions on several threads, with the same result as one thread</source>
      <translation>large layers are checked in spatial partitions on several threads, with the same result as one thread</translation>
    </message>
    <message>
      <source>每个分区的地块数；地块少于两个分区时不分区 / plots per partition; fewer than two partitions: no partitioning</source>
      <translation>Number of plots per spatial partition; with fewer plots than two partitions the layer is not partitioned</translation>
    </message>
    <message>
      <source>范围与地块不相交也照常审查（否则为未检查）/ checked even when their extent does not meet the plots' (otherwise not checked)</source>
      <translation>checked even when their extent does not meet the plots' (otherwise not checked)</translation>
    </message>
    <message>
      <source>管控图层基准 → 地块基准：七参数 dx,dy,dz,rx,ry,rz,ds（米、秒、ppm）或 PROJ 管道 / the constraint layers' datum → the plots': 7 Bursa-Wolf values (m, arc-seconds, ppm) or a PROJ pipeline</source>
      <translation>the constraint layers' datum → the plots': 7 Bursa-Wolf values (m, arc-seconds, ppm) or a PROJ pipeline</translation>
    </message>
    <message>
      <source>所填参数或粗略转换的精度；距边界在此以内的冲突为需核实 / accuracy of the given or ballpark transformation; conflicts this close to a boundary are to be verified</source>
      <translation>accuracy of the given or ballpark transformation; conflicts this close to a boundary are to be verified</translation>
    </message>
    <message>
      <source>缺省用地代码（可选）</source>
      <translation>Default land-use code (optional)</translation>
    </message>
    <message>
      <source>一张图数据库（可选）</source>
      <translation>Master-plan database (optional)</translation>
    </message>
    <message>
      <source>图层别名表（可选，CSV）</source>
      <translation>Layer alias table (optional, CSV)</translation>
    </message>
    <message>
      <source>数据库图层匹配</source>
      <translation>Database layers matched</translation>
    </message>
    <message>
      <source>生态保护红线（可选）</source>
      <translation>Ecological protection red line (optional)</translation>
    </message>
    <message>
      <source>永久基本农田（可选）</source>
      <translation>Permanent basic farmland (optional)</translation>
    </message>
    <message>
      <source>城镇开发边界（可选）</source>
      <translation>Urban development boundary (optional)</translation>
    </message>
    <message>
      <source>规划分区（可选）</source>
      <translation>Planning zones (optional)</translation>
    </message>
    <message>
      <source>分区名称字段</source>
      <translation>Zone name field</translation>
    </message>
    <message>
      <source>分区兼容表（可选，CSV）</source>
      <translation>Zone compatibility table (optional, CSV)</translation>
    </message>
    <message>
      <source>其他管控图层（可选）</source>
      <translation>Other control layers (optional)</translation>
    </message>
    <message>
      <source>其他图层的规则（逗号分隔）</source>
      <translation>Rules of the other layers (comma-separated)</translation>
    </message>
    <message>
      <source>其他图层的名称（逗号分隔，可选）</source>
      <translation>Names of the other layers (comma-separated, optional)</translation>
    </message>
    <message>
      <source>数字高程模型 DEM（可选）</source>
      <translation>Digital elevation model DEM (optional)</translation>
    </message>
    <message>
      <source>坡度限值（度）</source>
      <translation>Slope limit (degrees)</translation>
    </message>
    <message>
      <source>容差（平方米）</source>
      <translation>Tolerance (m²)</translation>
    </message>
    <message>
      <source>边界容差（平方米，0 为不启用）</source>
      <translation>Boundary tolerance (m², 0 = off)</translation>
    </message>
    <message>
      <source>并行线程数（0 = CPU 核数）</source>
      <translation>Parallel threads (0 = number of CPU cores)</translation>
    </message>
    <message>
      <source>分区地块数</source>
      <translation>Plots per partition</translation>
    </message>
    <message>
      <source>已知位于别处的图层（可选）</source>
      <translation>Layers known to lie elsewhere (optional)</translation>
    </message>
    <message>
      <source>基准转换参数（可选）</source>
      <translation>Datum transformation (optional)</translation>
    </message>
    <message>
      <source>基准转换精度（米，可选）</source>
      <translation>Datum transformation accuracy (m, optional)</translation>
    </message>
    <message>
      <source>用地标准审查</source>
      <translation>Check against land-use standards</translation>
    </message>
    <message>
      <source>两项审查，每条结论注明所依据的文件、表和条款。（一）规划指标对标准：将每个地块的控制指标与所选标准配置（国家配置，可由地方配置收紧）比对：容积率下限 ≥ 行业最低值、建筑系数 ≥ 下限、行政办公及生活服务设施用地比例 ≤ 7%、绿地率 ≤ 上限、投资强度 ≥ 地区分类 × 行业的最低值及配置设定的其他指标；规划值宽于标准即为错误。（二）项目指标（供地/预审）：项目表（CSV，UTF-8 或 GBK；或 xlsx）按地块编号与地块关联，或地块图层上的同名字段；列：地块编号、项目名称、固定资产投资（万元）、总建筑面积（㎡，计容）、建筑基底面积、构筑物占地面积、堆场占地面积、绿地面积、行政办公及生活服务设施用地面积（㎡）、预计年产值、年税收（万元），表头可用拼音首字母（GDZCTZ、ZJZMJ、JZJDMJ、GZWZDMJ、DCZDMJ、LDMJ、XZBGMJ、YJNCZ、NSS），括号内可注单位。按地块面积算出投资强度、容积率、建筑系数、建筑密度、绿地率、行政办公比例、产出强度、地均税收，与地块控制指标和标准中较严者比较。缺列、无法识别的地块编号、非数字单元格、重复地块：报告或停止运行并指出行和列，不写出半成品。标准无数值或未申报的指标报告“未检查”，不当作通过。组团层面：主导产业用地占组团工业用地比例 ≥ 60%（实施方案目标，来源未核实），并列示用地结构。本次审查结论写入 BZSCJL，报告和合规/不合规/需核实数只计本次审查；输入图层已有的 SCJL（如一张图审查）保留为 QXSCJL 并单独列示；输出的 SCJL 为两者合并（取较严者），供后续步骤使用。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</source>
      <translation>Two checks; every finding cites its document, table and clause. (1) Plan controls against the standard: each plot's controls against the chosen profile (national, tightened by a local profile): FAR minimum ≥ the industry's minimum, building coefficient ≥ minimum, office/service land share ≤ 7%, green ratio ≤ maximum, investment intensity ≥ the minimum for region class × industry, and any other limit the profile sets; a planned value looser than the standard is an error. (2) Project indicators (land supply / pre-approval): a project table (CSV in UTF-8 or GBK, or xlsx) joined by plot code, or the same fields on the plot layer; columns: plot code, project name, fixed-asset investment (10k yuan), total floor area (m², counted in FAR), building footprint, structures, yards, green area, office and service land (m²), expected annual output and annual tax (10k yuan); pinyin-initial headers (GDZCTZ, ZJZMJ, JZJDMJ, GZWZDMJ, DCZDMJ, LDMJ, XZBGMJ, YJNCZ, NSS) are accepted and a unit may be given in brackets. Investment intensity, FAR, building coefficient, building density, green ratio, office share, output intensity and tax per hectare are computed over the plot's area and compared with the stricter of the plot's control and the standard. Missing columns, unknown plot codes, non-numeric cells and plots listed twice are reported or stop the run naming the row and column; nothing is written half. Values missing from the standard or not declared are 'not checked', never a pass. Cluster level: the leading industry's share of the cluster's industrial land ≥ 60% (implementation-plan target, source unconfirmed), and the land-use structure. This check's own result is BZSCJL, and the report and the counts are this check's alone; an SCJL already on the input (e.g. from the master-plan check) is kept as QXSCJL and shown apart; the output SCJL combines both (the worse) for the later steps. Plot layers from elsewhere: choose the plot code, land-use and other fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); a needed field that cannot be found stops the run naming its parameter; outputs add the schema fields (DKBH, YDYHFLDM…) and keep the layer's own.</translation>
    </message>
    <message>
      <source>带控制指标的地块（RJLXX、JZXS、XZBGBL、LDLSX、TZQD 等）/ plots with their controls</source>
      <translation>Plots with their control indicators (RJLXX, JZXS, XZBGBL, LDLSX, TZQD …)</translation>
    </message>
    <message>
      <source>标准配置 / standards profile</source>
      <translation>The national standard profile</translation>
    </message>
    <message>
      <source>收紧国家标准的地方配置 / a local profile</source>
      <translation>A local profile that tightens the national standard</translation>
    </message>
    <message>
      <source>投资强度表的地区分类 / region class</source>
      <translation>Region class of the investment-intensity table</translation>
    </message>
    <message>
      <source>地块及审查结论：BZSCJL 本次审查结论、QXSCJL 输入已有的结论、SCJL 两者合并，BZ_* 所用标准值，XMMC/XM_* 项目名称与按项目算出的指标 / plots with this check's result (BZSCJL), the earlier one (QXSCJL), both combined (SCJL), the standard values used and the project figures</source>
      <translation>plots with this check's result (BZSCJL), the earlier one (QXSCJL), both combined (SCJL), the standard values used and the project figures</translation>
    </message>
    <message>
      <source>问题图斑</source>
      <translation>Finding polygons</translation>
    </message>
    <message>
      <source>不符合标准的地块 × 指标 / failing plot × control</source>
      <translation>One polygon per failing plot × control indicator</translation>
    </message>
    <message>
      <source>企业项目申报指标，按地块编号关联；不给则读地块图层上的同名字段 / project table joined by plot code; none: the same fields on the plot layer</source>
      <translation>project table joined by plot code; none: the same fields on the plot layer</translation>
    </message>
    <message>
      <source>留空则识别 地块编号、DKBH、DKBM、DKDM、地块代码、ZDDM / empty: recognises the usual plot-code headers</source>
      <translation>empty: recognises the usual plot-code headers</translation>
    </message>
    <message>
      <source>项目表（可选，CSV 或 xlsx）</source>
      <translation>Project table (optional, CSV or xlsx)</translation>
    </message>
    <message>
      <source>项目表的地块编号列（可选）</source>
      <translation>Plot-code column of the project table (optional)</translation>
    </message>
    <message>
      <source>新建规划数据库</source>
      <translation>Create plan database</translation>
    </message>
    <message>
      <source>新建一个规划 GeoPackage，含组团（zutuan）、单元（danyuan）、地块（dikuai）三个面图层和元数据表（plan_metadata：项目名称、编制单位、编制年份〔默认当年〕、基准年〔默认编制年份的上一年〕、地区分类、标准配置、坐标系）。字段名采用拼音首字母，中文别名，详见 docs/SCHEMA.md。可选输入已有组团面，按投影米制坐标系写入并量算 YDMJ。坐标系须为投影米制坐标系（推荐 CGCS2000 三度带）；经纬度组团自动投影到所在三度带。</source>
      <translation>Creates a plan GeoPackage holding the cluster (zutuan), unit (danyuan) and plot (dikuai) polygon layers and a metadata table (project name, organisation, plan year — this year by default —, base year — the year before by default —, region class, standards profile, CRS). Field names are pinyin initials with Chinese aliases (docs/SCHEMA.md). Optional existing clusters are written in the plan CRS with their area YDMJ measured. The CRS must be a projected metre CRS (CGCS2000 3-degree GK recommended); clusters in degrees are projected into their 3-degree zone.</translation>
    </message>
    <message>
      <source>写入元数据和导出表的标题 / project name for metadata and exports</source>
      <translation>Written into the metadata and the titles of exported tables</translation>
    </message>
    <message>
      <source>编制单位 / planning organisation</source>
      <translation>The organisation preparing the plan</translation>
    </message>
    <message>
      <source>现金流测算自该年开始；留空为当年 / the cash flow starts in this year; empty: this year</source>
      <translation>the cash flow starts in this year; empty: this year</translation>
    </message>
    <message>
      <source>3 年、5 年目标的基准年；留空为编制年份的上一年（最近完整统计年度） / base year of the targets; empty: the year before the plan year</source>
      <translation>base year of the targets; empty: the year before the plan year</translation>
    </message>
    <message>
      <source>投资强度按地区分类取值，如“七类”或“十等” / region class for investment intensity</source>
      <translation>Region class for the investment intensity, e.g. 七类 (class 7) or 十等 (grade 10)</translation>
    </message>
    <message>
      <source>投影米制坐标系；留空则取组团图层的量算坐标系 / projected metre CRS; empty: from the clusters</source>
      <translation>A projected metre CRS; empty: the measurement CRS of the cluster layer</translation>
    </message>
    <message>
      <source>已绘制的组团面，字段名与 docs/SCHEMA.md 相同者一并写入 / clusters already drawn</source>
      <translation>Clusters already drawn; fields named as in docs/SCHEMA.md are copied too</translation>
    </message>
    <message>
      <source>新建的 GeoPackage；写入完成后才替换目标文件 / the new plan, replaced only when complete</source>
      <translation>The new GeoPackage; an existing file is replaced only when writing has completed</translation>
    </message>
    <message>
      <source>项目名称</source>
      <translation>Project name</translation>
    </message>
    <message>
      <source>编制单位</source>
      <translation>Planning organisation</translation>
    </message>
    <message>
      <source>编制年份（可选）</source>
      <translation>Plan year (optional)</translation>
    </message>
    <message>
      <source>基准年（可选）</source>
      <translation>Base year (optional)</translation>
    </message>
    <message>
      <source>地区分类（土地等别）</source>
      <translation>Region class (land grade)</translation>
    </message>
    <message>
      <source>规划坐标系</source>
      <translation>Plan CRS</translation>
    </message>
    <message>
      <source>已有组团（可选）</source>
      <translation>Existing clusters (optional)</translation>
    </message>
    <message>
      <source>规划数据库</source>
      <translation>Plan database</translation>
    </message>
    <message>
      <source>组团图层</source>
      <translation>Cluster layer</translation>
    </message>
    <message>
      <source>企业统计数据入库</source>
      <translation>Enterprise statistics intake</translation>
    </message>
    <message>
      <source>读取企业年度统计表（CSV 或 xlsx，每家企业每年一行），逐行逐列校验后与规划地块关联。必需列：统一社会信用代码、企业名称、年度，以及地块编号（一家企业多个地块写在同一格，用“；”分隔）或 X/Y 坐标（地块图层的坐标系）。表头括号内的单位（元、万元、亿元、千克标准煤、公顷、平方米……）自动换算；无法识别的单位、缺少的列、地块编号不存在、同一企业同一年度重复、负数、非数值、信用代码格式错误、年度超出规划期，都会列出行号和列名并停止，不写出任何结果。企业在地块上的用地：填了用地面积的按其地块面积比例分摊；未填的，地块扣除同年其他企业填报面积后由未填企业均分。输出企业年度记录、企业—地块关联（用地与分摊权重）和校验说明。</source>
      <translation>Reads the yearly enterprise statistics (CSV or xlsx, one row per enterprise and year), checks every row and column and joins it to the plan's plots. Required: the unified social credit code, the name, the year, and the plot code (several plots of one enterprise in one cell, separated by ';') or X/Y coordinates. Units in the header are converted; an unknown unit, a missing column, an unknown plot, a duplicate enterprise-year, a negative or non-numeric value, a malformed credit code or a year outside the plan period stops the run with the row and column named, and nothing is written. An enterprise's land on a plot is its stated area spread over its plots by area, else an equal part of what the plot's co-tenants do not state. Writes the records, the enterprise–plot links and the notes.</translation>
    </message>
    <message>
      <source>规划地块（DKBH；DYBH、ZTBH 缺省时由编号推出；YDMJ 为空时按几何量算面积）/ the plan's plots</source>
      <translation>The plan's plots (DKBH; DYBH and ZTBH derived from the code when absent; area measured when YDMJ is empty)</translation>
    </message>
    <message>
      <source>统计表“地块编号”列对应的字段 / the field the table's plot codes refer to</source>
      <translation>the field the table's plot codes refer to</translation>
    </message>
    <message>
      <source>每家企业每年一行：统一社会信用代码、企业名称、年度、地块编号（多个用“；”分隔）或 X/Y 坐标，以及产值、营业收入、增加值、税收、固定资产投资、综合能耗、污染物排放、从业人员、研发经费、用地面积等；表头括号内可注单位 / one row per enterprise and year; units may be given in the header</source>
      <translation>one row per enterprise and year; units may be given in the header</translation>
    </message>
    <message>
      <source>企业年度记录、企业地块关联、校验说明 / records, links and notes</source>
      <translation>records, links and notes</translation>
    </message>
    <message>
      <source>规划期起始年（可选）</source>
      <translation>First year of the plan period (optional)</translation>
    </message>
    <message>
      <source>规划期终止年（可选）</source>
      <translation>Last year of the plan period (optional)</translation>
    </message>
    <message>
      <source>超出规划期的年度报错，注明行号 / years outside the period are errors naming the row</source>
      <translation>years outside the period are errors naming the row</translation>
    </message>
    <message>
      <source>企业统计表（CSV/xlsx）</source>
      <translation>Enterprise statistics (CSV/xlsx)</translation>
    </message>
    <message>
      <source>入库结果表</source>
      <translation>Intake workbook</translation>
    </message>
    <message>
      <source>企业年度记录数</source>
      <translation>Enterprise-year records</translation>
    </message>
    <message>
      <source>企业数</source>
      <translation>Enterprises</translation>
    </message>
    <message>
      <source>年度</source>
      <translation>Years</translation>
    </message>
    <message>
      <source>导出控制指标表</source>
      <translation>Export control indicator table</translation>
    </message>
    <message>
      <source>把地块图层导出为 Excel 工作簿：地块控制指标一览表（两行表头、单元小计、组团合计与总计、A3 横向打印设置）、单元与组团汇总、整个规划范围的用地平衡表（地块按一级/二级类、道路用地 1207、一张图禁止性规则不合规而划出的需调整用地、组团内其他用地，合计等于组团面积；公顷、亩与比例；未提供组团或道路图层时写明缺哪一行及原因），给定审查结果图层时另有审查结果表，每条问题都有地块编号（按 DKBH/BH 或所在位置；不针对单个地块的写明单元、组团或全区）。合计均由未取整的数值计算；没有数值的指标写明原因（未赋值：…，取自指标来源 ZBLY），不填 0、不留空白；地块表另列开发状态 KFZT/KFSM（需调整用地、已供地、需核实）。可同时导出 UTF-8（带 BOM）CSV。先写临时文件再替换目标文件：目标文件被 Excel/WPS/LibreOffice 打开或目录不可写时报错，原文件不变。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。缺少的可选字段在表下注明。</source>
      <translation>Exports the plots to an Excel workbook: the plot control-indicator table (two-row headers, unit subtotals, cluster totals and a grand total, A3 landscape print set-up), a unit and cluster summary, the land-use balance of the whole planned area (plots by level-1/2 class, road corridors 1207, land set apart because it fails a prohibiting rule of the master-plan check, other land inside the clusters; the total is the clusters' area; ha, mu and shares; without a cluster or road layer it says which lines are missing and why) and, when a findings layer is given, the review findings, each with its plot code (from DKBH/BH or where it lies; a finding not about one plot names its unit, cluster or the whole plan). Totals are sums of unrounded values; a control without a value shows why (未赋值：…, from the plot's ZBLY), never 0 or a blank; the plot table also shows the development status KFZT/KFSM (set apart, supplied, to verify). Optionally also a UTF-8 CSV with BOM. The file is written to a temporary file and then moved into place: if the target is open in another program or the folder is not writable the run fails and the old file is left unchanged. Plot layers from elsewhere: choose the plot code, land-use and other fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); a needed field that cannot be found stops the run naming its parameter; outputs add the schema fields (DKBH, YDYHFLDM…) and keep the layer's own. An optional field that is missing is noted under the table.</translation>
    </message>
    <message>
      <source>地块（DKBH、YDYHFLDM、YDMJ、RJLXX…，见数据模型；其他来源的图层在下面的字段参数中指定编号和用地代码字段） / plots with the schema fields; for other layers choose the code fields below</source>
      <translation>plots with the schema fields; for other layers choose the code fields below</translation>
    </message>
    <message>
      <source>用于汇总表中的单元名称与无地块单元 / unit names and units without plots in the summary</source>
      <translation>For unit names and units without plots in the summary</translation>
    </message>
    <message>
      <source>用于汇总表中的组团名称，及用地平衡表的总用地（组团范围） / cluster names in the summary; the clusters' area is the total of the land-use balance</source>
      <translation>cluster names in the summary; the clusters' area is the total of the land-use balance</translation>
    </message>
    <message>
      <source>审查算法输出的问题图层（GZBH、GZMC、YZCD…）；每条问题按 DKBH/BH 或所在位置标明地块编号 / findings layer of a review algorithm; every finding gets its plot code (from DKBH/BH or where it lies)</source>
      <translation>findings layer of a review algorithm; every finding gets its plot code (from DKBH/BH or where it lies)</translation>
    </message>
    <message>
      <source>字段名按顺序，如 ZTBH,DYBH,DKBH,YDMJ,RJLXX,RJLSX / column keys in order; empty: the standard table</source>
      <translation>Field names in order, e.g. ZTBH,DYBH,DKBH,YDMJ,RJLXX,RJLSX; empty: the standard table</translation>
    </message>
    <message>
      <source>表头与标签的语言 / language of headers and labels</source>
      <translation>Language of headers and labels</translation>
    </message>
    <message>
      <source>第一行标题，默认“地块控制指标一览表” / title row</source>
      <translation>Title in the first row, default 地块控制指标一览表 (plot control indicators)</translation>
    </message>
    <message>
      <source>输出 .xlsx 文件 / the .xlsx to write</source>
      <translation>The .xlsx file to write</translation>
    </message>
    <message>
      <source>同时导出的 UTF-8（带 BOM）CSV，仅地块行 / also a UTF-8-with-BOM CSV of the plot rows</source>
      <translation>Also a CSV (UTF-8 with BOM) of the plot rows only</translation>
    </message>
    <message>
      <source>道路红线用地（1207），如 zutuan:subdivideunits 输出的 road_corridors；与组团图层一起使用平衡表覆盖整个规划范围 / road corridors (1207), e.g. road_corridors of zutuan:subdivideunits; with the clusters the balance covers the whole planned area</source>
      <translation>road corridors (1207), e.g. road_corridors of zutuan:subdivideunits; with the clusters the balance covers the whole planned area</translation>
    </message>
    <message>
      <source>审查结果（可选）</source>
      <translation>Review findings (optional)</translation>
    </message>
    <message>
      <source>列（逗号分隔，留空为默认）</source>
      <translation>Columns (comma-separated, empty: default)</translation>
    </message>
    <message>
      <source>表头语言</source>
      <translation>Header language</translation>
    </message>
    <message>
      <source>表格标题（可选）</source>
      <translation>Table title (optional)</translation>
    </message>
    <message>
      <source>Excel 工作簿</source>
      <translation>Excel workbook</translation>
    </message>
    <message>
      <source>CSV（可选）</source>
      <translation>CSV (optional)</translation>
    </message>
    <message>
      <source>地块数</source>
      <translation>Number of plots</translation>
    </message>
    <message>
      <source>总用地面积（公顷）</source>
      <translation>Total land area (ha)</translation>
    </message>
    <message>
      <source>道路用地图层（可选）</source>
      <translation>Road-corridor layer (optional)</translation>
    </message>
    <message>
      <source>用地平衡表总用地（公顷）</source>
      <translation>Land-balance total (ha)</translation>
    </message>
    <message>
      <source>中文</source>
      <translation>Chinese</translation>
    </message>
    <message>
      <source>导出地块图则</source>
      <translation>Export plot control sheets</translation>
    </message>
    <message>
      <source>生成 A3 横向地块图则（一个 PDF 图集）：封面、目录（地块 → 页码、图号）、每个地块一页图则、面积小于“单独出图的最小面积”的地块列于小地块清单页。每页图则：地块及相邻地块（按用地用海一级类着色，本地块红色加粗），道路中心线（名称、等级、红线宽度）与道路红线，按道路等级的建筑退线（虚线，标距离）和交叉口附近的禁止开口路段（退线表 CSV，默认表为示意值并在图上注明），规划给定的出入口，一张图管控线（生态保护红线、永久基本农田、城镇开发边界）与冲突部分（标注规则和面积），界址点（自西北角起顺时针编号 J1、J2…）与边长；区位索引图（全区，本地块红色，所在单元、组团加粗）；控制指标表（带单位，没有数值的写明原因“未赋值：…”；开发状态）；审查结论（每条冲突规则的面积、依据条款和处理建议）；界址点坐标表（CGCS2000，规划所在高斯-克吕格 3° 带，X 北、Y 东，保留 3 位小数；另可输出全部界址点 CSV）；指北针（白底黑色）、数字比例尺和线段比例尺、图例、图签（项目名称、编制单位、编制/审核/审定、日期、图号、页码）。PDF 中的文字为真实字符（嵌入去除部首兼容字的 Noto Sans CJK 副本），可检索、复制。输出一个多页 PDF，或每页一个 PDF（放在与输出文件同名的文件夹中）。无需图形界面，可在图形建模器和 qgis_process 中使用。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到地块编号字段时停止并指明参数。</source>
      <translation>Makes an A3 landscape atlas of plot sheets (one PDF): a cover, an index (plot → page and drawing number), one sheet per plot, and a list page for plots smaller than the minimum area. Each sheet: the plot with its neighbours (coloured by level-1 land-use class, the plot outlined in red), road centre lines (name, class, red-line width) and red lines, building setback lines by road class (dashed, with distances) and no-opening stretches near intersections (setback table CSV; the default table is illustrative and the sheet says so), the plan's entrances, the 一张图 control lines (ecological red line, permanent farmland, urban boundary) and the conflicting parts (labelled with rule and area), boundary points numbered J1, J2 … clockwise from the north-west with edge lengths; a location map (the zone, the plot red, its unit and cluster outlined); the control table (with units; a control without a value says why, '未赋值：…'; the development status); the review conclusion (each conflicting rule with area, clause and suggested action); the boundary-point table (CGCS2000 in the plan's 3-degree Gauss-Krüger zone, X north, Y east, 3 decimals; all points also as CSV); a north arrow (black on white), numeric and graphic scales, legend and title block (project, organisation, drafted/checked/approved, date, drawing number, page). The PDF's text is real characters (an embedded copy of Noto Sans CJK without the radical look-alikes): it can be searched and copied. Writes one multi-page PDF, or one PDF per page into a folder named after the output file. Needs no screen: works in the Graphical Modeler and with qgis_process. Plot layers from elsewhere: choose the plot code, land-use and other fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); without a plot code field the run stops naming its parameter.</translation>
    </message>
    <message>
      <source>每个地块一页，按地块编号排序 / one page per plot, ordered by DKBH</source>
      <translation>One page per plot, ordered by plot code DKBH</translation>
    </message>
    <message>
      <source>道路中心线或道路面 / road centre lines or areas</source>
      <translation>Road centre lines or road areas</translation>
    </message>
    <message>
      <source>按道路等级的退线与禁止开口距离；默认 resources/standards/road_setbacks.csv（示意值） / setback table by road class; default: the shipped illustrative table</source>
      <translation>setback table by road class; default: the shipped illustrative table</translation>
    </message>
    <message>
      <source>画出单元边界（虚线）并标注单元编号 DYBH；缺省时由地块合并 / unit boundaries; default: dissolved from the plots</source>
      <translation>unit boundaries; default: dissolved from the plots</translation>
    </message>
    <message>
      <source>区位索引图中的组团边界；缺省时由地块合并 / clusters in the location map; default: dissolved from the plots</source>
      <translation>clusters in the location map; default: dissolved from the plots</translation>
    </message>
    <message>
      <source>一张图符合性审查的冲突图斑（CONFLICTS）：画出冲突部分，列出规则、面积、依据和处理建议 / the check's conflict layer: drawn, and listed with rule, area, clause and suggested action</source>
      <translation>the check's conflict layer: drawn, and listed with rule, area, clause and suggested action</translation>
    </message>
    <message>
      <source>规划给定的出入口（点）或禁止开口路段（线） / the plan's entrances (points) or no-opening stretches (lines)</source>
      <translation>the plan's entrances (points) or no-opening stretches (lines)</translation>
    </message>
    <message>
      <source>如 类型 / e.g. type</source>
      <translation>e.g. type</translation>
    </message>
    <message>
      <source>面积更小的地块不单独出图，列入小地块清单页 / smaller plots go to a list page instead of a sheet</source>
      <translation>smaller plots go to a list page instead of a sheet</translation>
    </message>
    <message>
      <source>图签中的项目名称 / project name in the title block</source>
      <translation>Project name in the title block</translation>
    </message>
    <message>
      <source>图签中的日期 / date in the title block; empty: today</source>
      <translation>Date in the title block; empty: today</translation>
    </message>
    <message>
      <source>图号 = 前缀 + 三位序号 / drawing number = prefix + 3-digit number</source>
      <translation>drawing number = prefix + 3-digit number</translation>
    </message>
    <message>
      <source>多页 PDF 或每页一个 PDF / one multi-page PDF or one PDF per page</source>
      <translation>one multi-page PDF or one PDF per page</translation>
    </message>
    <message>
      <source>多页 PDF；按页输出时为同名文件夹 / the PDF; per page: a folder of the same name</source>
      <translation>the PDF; per page: a folder of the same name</translation>
    </message>
    <message>
      <source>全部地块的界址点坐标 / every plot's boundary points</source>
      <translation>every plot's boundary points</translation>
    </message>
    <message>
      <source>用于标注道路 / labels the roads</source>
      <translation>Used to label the roads</translation>
    </message>
    <message>
      <source>如 DLDJ（主干路、次干路、支路）：按等级取退线与禁止开口距离 / road class, e.g. DLDJ: sets the setback and no-opening distances</source>
      <translation>road class, e.g. DLDJ: sets the setback and no-opening distances</translation>
    </message>
    <message>
      <source>如 HXKD（米）：画出道路红线并标注宽度 / red-line width in metres, e.g. HXKD: draws and labels the red lines</source>
      <translation>red-line width in metres, e.g. HXKD: draws and labels the red lines</translation>
    </message>
    <message>
      <source>一张图管控线，画在图则上并标注 / a master-plan control line, drawn and labelled on the sheets</source>
      <translation>a master-plan control line, drawn and labelled on the sheets</translation>
    </message>
    <message>
      <source>图签中的姓名或单位，留空供手签 / in the title block; empty: left for a signature</source>
      <translation>in the title block; empty: left for a signature</translation>
    </message>
    <message>
      <source>道路图层（可选）</source>
      <translation>Road layer (optional)</translation>
    </message>
    <message>
      <source>退线表（可选，CSV）</source>
      <translation>Setback table (optional, CSV)</translation>
    </message>
    <message>
      <source>审查冲突图层（可选）</source>
      <translation>Conflict layers of the review (optional)</translation>
    </message>
    <message>
      <source>出入口 / 禁止开口图层（可选）</source>
      <translation>Entrances / no-opening layer (optional)</translation>
    </message>
    <message>
      <source>出入口标注字段（可选）</source>
      <translation>Entrance label field (optional)</translation>
    </message>
    <message>
      <source>单独出图的最小面积（平方米）</source>
      <translation>Minimum area for a sheet of its own (m²)</translation>
    </message>
    <message>
      <source>日期（留空为今天）</source>
      <translation>Date (empty: today)</translation>
    </message>
    <message>
      <source>图号前缀</source>
      <translation>Drawing number prefix</translation>
    </message>
    <message>
      <source>输出方式</source>
      <translation>Output mode</translation>
    </message>
    <message>
      <source>图则 PDF</source>
      <translation>Plot control sheets PDF</translation>
    </message>
    <message>
      <source>界址点坐标表（可选，CSV）</source>
      <translation>Boundary-point table (optional, CSV)</translation>
    </message>
    <message>
      <source>页数</source>
      <translation>Number of pages</translation>
    </message>
    <message>
      <source>图则数</source>
      <translation>Number of sheets</translation>
    </message>
    <message>
      <source>输出文件</source>
      <translation>Output files</translation>
    </message>
    <message>
      <source>道路名称字段（可选）</source>
      <translation>Road name field (optional)</translation>
    </message>
    <message>
      <source>道路等级字段（可选）</source>
      <translation>Road class field (optional)</translation>
    </message>
    <message>
      <source>道路红线宽度字段（可选）</source>
      <translation>Road red-line width field (optional)</translation>
    </message>
    <message>
      <source>编制人</source>
      <translation>Drafted by</translation>
    </message>
    <message>
      <source>审核人</source>
      <translation>Checked by</translation>
    </message>
    <message>
      <source>审定人</source>
      <translation>Approved by</translation>
    </message>
    <message>
      <source>一个多页 PDF</source>
      <translation>One multi-page PDF</translation>
    </message>
    <message>
      <source>每页一个 PDF</source>
      <translation>One PDF per page</translation>
    </message>
    <message>
      <source>飞地跨区域核算</source>
      <translation>Cross-region (飞地) accounting</translation>
    </message>
    <message>
      <source>按飞地合作协议（YAML：参与方、期间、各指标分计比例、范围为园区/组团/单元/地块/企业、≥10亿元项目能耗规则、取整小数位）把企业统计的地区生产总值（增加值）、工业总产值、固定资产投资、就业人数、税收、能源消耗、新能源指标、污染物排放分计到飞出地、飞入地等各方。更具体的安排优先（企业＞地块＞单元＞组团＞园区）；按面积分计（area）或协议未覆盖的，按土地所在行政区（行政区图层，跨界地块按面积拆分；无图层时全部计入飞入地）。能耗只有投资达到门槛的项目按协议比例分担，其余计入土地所在地；能耗强度按分计后的能耗÷增加值。取整用最大余数法：各值先四舍五入到规定小数位，每份向下取整，余下的单位依次给余数最大者（并列给协议中在前的一方），各方之和与合计严格相等，核对表逐年逐项列出。协议比例之和不为 1、期间重叠、参与方未知等错误会注明协议中的位置并停止。</source>
      <translation>Splits the enterprise statistics (value added, output, fixed-asset investment, employment, taxes, energy, new energy, emissions) between the parties of a 飞地 agreement (YAML: parties, periods, ratios per indicator, scope park/cluster/unit/plot/enterprise, the large-project energy rule, decimals). The most specific arrangement wins; an area split, or land no arrangement covers, is counted where the land lies (the administrative layer, a straddling plot split by area; without it, the host party). Energy is shared by the ratio only for projects at or above the investment threshold; energy intensity is computed after the split. Shares are rounded by the largest remainder so that they add up to the total exactly, as the reconciliation table shows. Bad agreements (ratios not adding up to 1, overlapping periods, unknown parties) stop the run, naming the entry.</translation>
    </message>
    <message>
      <source>参与方、期间、各指标比例、取整规则；示例见 resources/sample/data/feidi_agreement.yaml / parties, periods, ratios and rounding</source>
      <translation>parties, periods, ratios and rounding</translation>
    </message>
    <message>
      <source>按面积分计和协议外用地按其所在行政区；跨界地块按面积拆分 / where the land lies; straddling plots are split by area</source>
      <translation>where the land lies; straddling plots are split by area</translation>
    </message>
    <message>
      <source>与协议中参与方的 region、id 或 name 对应 / matches the parties' region, id or name</source>
      <translation>matches the parties' region, id or name</translation>
    </message>
    <message>
      <source>飞地核算地块</source>
      <translation>Plots with their 飞地 shares</translation>
    </message>
    <message>
      <source>最近年度每个地块的协议安排 XYBH、所在地 SZD、各方分得的增加值 ZJZ_* 与能耗 NH_* / per plot: the arrangement, the location and each party's shares</source>
      <translation>per plot: the arrangement, the location and each party's shares</translation>
    </message>
    <message>
      <source>飞地核算表</source>
      <translation>飞地 accounting workbook</translation>
    </message>
    <message>
      <source>分地区统计、分项分计、核对表、参与方、协议与规则 / per-region tables and the reconciliation</source>
      <translation>per-region tables and the reconciliation</translation>
    </message>
    <message>
      <source>飞地合作协议（YAML）</source>
      <translation>飞地 agreement (YAML)</translation>
    </message>
    <message>
      <source>行政区图层（可选）</source>
      <translation>Administrative regions (optional)</translation>
    </message>
    <message>
      <source>行政区代码或名称字段</source>
      <translation>Region code or name field</translation>
    </message>
    <message>
      <source>参与方数</source>
      <translation>Parties</translation>
    </message>
    <message>
      <source>核对不一致的项数</source>
      <translation>Unbalanced items</translation>
    </message>
    <message>
      <source>闲置与低效用地</source>
      <translation>Idle and low-efficiency land</translation>
    </message>
    <message>
      <source>闲置土地按《闲置土地处置办法》（国土资源部令第53号）认定：供地台账（地块编号、约定动工日期，及实际动工、竣工、中止开发日期、已开发/应开发面积、已投资/总投资额、政府原因、土地价款）在评价日期时，超过约定动工日期满一年未动工的为闲置土地（第二条第一款），列出第十四条（一）征缴土地闲置费（土地价款的 20%）的程序；满两年的列出第十四条（二）无偿收回的程序；已动工但开发面积不足三分之一或投资不足 25%、中止开发满一年的“可以认定为闲置土地”（第二条第二款）；政府原因（第八条）按第十二条协商处置，不计闲置费。“满一年”按民法典第二百零一、二百零二条计算：约定动工日的次年对应日为期间最后一日，其后一日起为闲置（法定休假日顺延未计，临界日期提示核实）。低效用地按亩均效益评价配置的阈值（示意配置的阈值为示意值）。输出地块图层（闲置状态 XZZT、低效状态 DXZT）和清单（天数与条款）。</source>
      <translation>Idle land by the 2012 Measures on the Disposal of Idle Land: from the supply ledger (plot code, agreed start date, and the actual start, completion and suspension dates, developed and due area, investment made and total, government cause, land price) on the evaluation date, land not started one full year after the agreed date is idle (art. 2 para. 1) with the fee step of art. 14 (1) (20 % of the land price); two years give the recovery step of art. 14 (2); started land under one third developed or 25 % invested and suspended a full year may be found idle (art. 2 para. 2); a government cause (art. 8) goes to the options of art. 12 without a fee. Periods follow the Civil Code arts. 201-202 (holiday extension not applied; dates near the threshold are flagged). Low-efficiency land by the thresholds of the 亩均 profile. Writes a plot layer and a list with days and clauses.</translation>
    </message>
    <message>
      <source>每个已供地块一行：地块编号、约定动工日期（必需），实际动工日期、约定竣工日期、竣工日期、已开发面积、应开发面积、已投资额、总投资额（不含土地价款）、中止开发日期、政府原因（是/否）、原因说明、土地价款 / one row per supplied plot</source>
      <translation>one row per supplied plot</translation>
    </message>
    <message>
      <source>留空取今天 / empty: today</source>
      <translation>empty: today</translation>
    </message>
    <message>
      <source>台账地块与有统计数据的地块：XZZT 闲置状态、XZTK 条款、XZTS 闲置天数、DXZT 低效状态 / plots with their idle and low-efficiency status</source>
      <translation>plots with their idle and low-efficiency status</translation>
    </message>
    <message>
      <source>闲置与低效用地清单</source>
      <translation>Idle and low-efficiency land list</translation>
    </message>
    <message>
      <source>闲置土地、低效用地、认定依据 / the lists and the clauses</source>
      <translation>the lists and the clauses</translation>
    </message>
    <message>
      <source>供地台账（CSV/xlsx，可选）</source>
      <translation>Land supply ledger (CSV/xlsx, optional)</translation>
    </message>
    <message>
      <source>评价日期（可选）</source>
      <translation>Evaluation date (optional)</translation>
    </message>
    <message>
      <source>闲置土地地块数</source>
      <translation>Idle plots</translation>
    </message>
    <message>
      <source>低效用地地块数</source>
      <translation>Low-efficiency plots</translation>
    </message>
    <message>
      <source>开发区土地集约利用评价</source>
      <translation>Development zone intensive land-use evaluation</translation>
    </message>
    <message>
      <source>按 TD/T 1029-2017《开发区土地集约利用评价规程》计算全区和各组团的土地开发率、土地供应率、土地建成率、工业用地率、综合容积率、建筑密度、工业用地综合容积率、工业用地建筑系数、工业用地固定资产投入强度、工业用地地均税收、综合地均税收。“现状”方式从所选字段读取供地条件、建成状态、建筑面积、基底面积、固定资产和税收；“规划”方式按规划建成后计算，取控制指标下限（JRJZMJ/RJLXX、JZMDXX、JZXS、ZDTZE/TZQD、DJSS），一张图审查禁止的需调整用地不开发（与分期、现金流一致；仍计入土地总面积）。缺少的输入在表中标为“缺少输入”，不作假设。公式取自试行规程的实现，尚未与 TD/T 1029-2017 正文逐条核对（见 resources/feasibility/intensive_use.yaml）。其他来源的图层：在字段参数中选择用地代码、组团编号、供地状态等字段，留空时识别常用名称（resources/standards/field_variants.csv）；缺少的字段在日志中说明，依赖它的指标为“缺少输入”。</source>
      <translation>Computes the TD/T 1029-2017 land intensive-use indicators of a development zone for the whole zone and for each cluster: land development, supply and built-up rates, industrial land share, floor-area ratio, building density, industrial floor-area ratio and building coefficient, industrial fixed-asset and tax intensity, and overall tax per hectare. 'Status' reads the fields you choose; 'plan' evaluates the plan at completion from the control minimums, without the land a prohibiting rule of the master-plan check sets apart (not developed, as in the phasing and the cash flow; it stays in the zone's area). Missing inputs are reported as such, never assumed. The formulas come from an implementation of the trial rules and are not yet checked against the standard. Layers from elsewhere: choose the land-use code, cluster code, supply status and other fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); a missing field is named in the log and the indicators that need it are 'missing input'.</translation>
    </message>
    <message>
      <source>地块或现状用地图层</source>
      <translation>Plot or existing land-use layer</translation>
    </message>
    <message>
      <source>带用地用海分类代码的面图层 / polygons with a land-use code</source>
      <translation>polygons with a land-use code</translation>
    </message>
    <message>
      <source>现状：读取所选字段；规划：按控制指标下限 / status or plan</source>
      <translation>Current status: reads the chosen fields; plan: uses the control minimums</translation>
    </message>
    <message>
      <source>两类开发区分别评价 / the two types are evaluated separately</source>
      <translation>The two zone types are evaluated separately</translation>
    </message>
    <message>
      <source>已达到供地条件字段</source>
      <translation>Ready-for-supply field</translation>
    </message>
    <message>
      <source>取值 是/已达到供地条件/已完成 / ready for supply</source>
      <translation>Values 是/已达到供地条件/已完成 mean ready for supply</translation>
    </message>
    <message>
      <source>建成状态字段</source>
      <translation>Construction status field</translation>
    </message>
    <message>
      <source>取值 已建/已建成/建成/现状 / built</source>
      <translation>Values 已建/已建成/建成/现状 mean built</translation>
    </message>
    <message>
      <source>总建筑面积字段（m²）</source>
      <translation>Total floor area field (m²)</translation>
    </message>
    <message>
      <source>每个要素上的总建筑面积 / floor area per feature, m²</source>
      <translation>Total floor area of each feature, m²</translation>
    </message>
    <message>
      <source>建筑基底面积字段（m²）</source>
      <translation>Building footprint field (m²)</translation>
    </message>
    <message>
      <source>建筑基底占地面积 / building footprint, m²</source>
      <translation>Building footprint area, m²</translation>
    </message>
    <message>
      <source>建筑物构筑物堆场占地字段（m²）</source>
      <translation>Buildings, structures and yards area field (m²)</translation>
    </message>
    <message>
      <source>用于工业用地建筑系数 / for the building coefficient</source>
      <translation>For the building coefficient of industrial land</translation>
    </message>
    <message>
      <source>固定资产投资字段（万元）</source>
      <translation>Fixed-asset investment field (10,000 CNY)</translation>
    </message>
    <message>
      <source>工业（物流）企业累计固定资产投资 / fixed assets, 万元</source>
      <translation>Cumulative fixed-asset investment of the industrial (logistics) enterprise, 10,000 CNY</translation>
    </message>
    <message>
      <source>税收字段（万元）</source>
      <translation>Tax field (10,000 CNY)</translation>
    </message>
    <message>
      <source>企业年税收 / annual taxes, 万元</source>
      <translation>Annual taxes paid by the enterprise, 10,000 CNY</translation>
    </message>
    <message>
      <source>留空则为输入要素面积之和 / empty: the sum of the input features</source>
      <translation>Empty: the total area of the input features</translation>
    </message>
    <message>
      <source>每个层级（全区、组团）每个指标一行 / one row per level and indicator</source>
      <translation>One row per level (zone, cluster) and indicator</translation>
    </message>
    <message>
      <source>评价对象</source>
      <translation>Evaluate</translation>
    </message>
    <message>
      <source>开发区类型</source>
      <translation>Development zone type</translation>
    </message>
    <message>
      <source>开发区土地总面积（公顷，可选）</source>
      <translation>Total land area of the development zone (ha, optional)</translation>
    </message>
    <message>
      <source>评价表</source>
      <translation>Evaluation table</translation>
    </message>
    <message>
      <source>已计算指标数</source>
      <translation>Number of indicators computed</translation>
    </message>
    <message>
      <source>缺少输入的指标数</source>
      <translation>Number of indicators missing inputs</translation>
    </message>
    <message>
      <source>现状</source>
      <translation>Current status</translation>
    </message>
    <message>
      <source>规划建成后</source>
      <translation>Plan, when built</translation>
    </message>
    <message>
      <source>工业主导型</source>
      <translation>Industry-led</translation>
    </message>
    <message>
      <source>产城融合型</source>
      <translation>Industry-city integrated</translation>
    </message>
    <message>
      <source>主导产业产值占比</source>
      <translation>Leading industry's share of output</translation>
    </message>
    <message>
      <source>按区块（默认组团，或所选区块图层的面，按地块面积最大的重叠归属）计算主导产业（GB/T 4754 大类，按企业行业代码，缺省取地块 HYDM）产值占区块工业总产值的比例，与 60% 对照（resources/monitoring/leading_industry.yaml，依据为开发区改革方案/小组团实施方案，文号条款未核实）。有企业缺少产值时结论为“需核实”，全部缺少为“未检查”，不判达到。同时列出规划地块 HYDM 计的主导产业用地占比，供尚无产值数据的规划使用。</source>
      <translation>Per 区块 (the clusters, or the polygons of a zone layer, a plot belonging to the one it overlaps most), the leading industry's (GB/T 4754 division, from the enterprise's code, else the plot's HYDM) share of output value, against 60 % (resources/monitoring/leading_industry.yaml; the document's number and clause are not verified). Missing output values make it 'verify', none at all 'not checked', never 'met'. The leading industry's share of land (plots' HYDM) is listed beside it for plans without output data.</translation>
    </message>
    <message>
      <source>留空按组团 ZTBH 统计 / empty: per cluster</source>
      <translation>empty: per cluster</translation>
    </message>
    <message>
      <source>区块图层中标识区块的字段 / the field naming each block</source>
      <translation>the field naming each block</translation>
    </message>
    <message>
      <source>评价年度（可选）</source>
      <translation>Evaluation year (optional)</translation>
    </message>
    <message>
      <source>留空取统计表中最近的年度 / empty: the latest year of the table</source>
      <translation>empty: the latest year of the table</translation>
    </message>
    <message>
      <source>每个区块一行 / one row per block</source>
      <translation>one row per block</translation>
    </message>
    <message>
      <source>区块图层（可选）</source>
      <translation>Zone layer (optional)</translation>
    </message>
    <message>
      <source>区块名称字段</source>
      <translation>Zone name field</translation>
    </message>
    <message>
      <source>主导产业占比表</source>
      <translation>Leading industry workbook</translation>
    </message>
    <message>
      <source>达到的区块数</source>
      <translation>Zones meeting the share</translation>
    </message>
    <message>
      <source>未达到的区块数</source>
      <translation>Zones below the share</translation>
    </message>
    <message>
      <source>亩均效益评价</source>
      <translation>Per-mu efficiency evaluation (亩均效益)</translation>
    </message>
    <message>
      <source>按评价配置计算某一年度每家企业以及每个地块、单元、组团的亩均税收、亩均增加值、单位能耗增加值、单位排放增加值、全员劳动生产率、研发经费投入强度、亩均产值、地均投资等，按权重和基准计分、排名并分档（A/B/C/D，缺少必需指标的为 T 不参评）。地块、单元、组团的指标为其企业数值（按用地分摊）之和除以地块面积之和；有企业缺少某项数据时该项不计算，不取部分和。默认配置为示意配置（指标取浙江省六项、权重取黄岩区、基准取淮安“平均值两倍”、分档取淮安比例，均为二手资料，非官方），正式评价请使用本地政府文件的配置。输出按等级着色的地块图层和 xlsx 排名表（企业、地块、单元、组团、评价指标与配置）。</source>
      <translation>Computes, for one year, each enterprise's and each plot's, unit's and cluster's tax per mu, value added per mu, value added per unit of energy and of emissions, labour productivity, R&amp;D intensity, output and investment per mu, then scores, ranks and grades them (A/B/C/D; T when a required indicator is missing) by the profile's weights and benchmarks. A plot's, unit's or cluster's indicator is the sum of its enterprises' figures (shared by land) over the sum of plot areas; a figure an enterprise lacks leaves the indicator uncomputed, never a partial sum. The default profile is illustrative (secondary sources, not official): use your locality's scheme for a real evaluation. Writes a plot layer styled by grade and an xlsx ranking.</translation>
    </message>
    <message>
      <source>指标、权重、基准、分档与低效阈值；留空用示意配置 resources/monitoring/mujun_illustrative.yaml（非官方） / indicators, weights, benchmarks, classes; empty: the illustrative (unofficial) profile</source>
      <translation>indicators, weights, benchmarks, classes; empty: the illustrative (unofficial) profile</translation>
    </message>
    <message>
      <source>亩均效益地块</source>
      <translation>Plots graded by 亩均效益</translation>
    </message>
    <message>
      <source>有统计数据的地块：各指标（字段名见配置 field）、得分 DF、排名 PM、等级 MJDJ / plots with statistics, graded</source>
      <translation>plots with statistics, graded</translation>
    </message>
    <message>
      <source>亩均效益排名表</source>
      <translation>亩均 ranking workbook</translation>
    </message>
    <message>
      <source>企业、地块、单元、组团排名与评价配置；CSV 仅写企业排名 / rankings; CSV holds the enterprises only</source>
      <translation>rankings; CSV holds the enterprises only</translation>
    </message>
    <message>
      <source>亩均效益评价配置（YAML，可选）</source>
      <translation>亩均 evaluation profile (YAML, optional)</translation>
    </message>
    <message>
      <source>参评企业数</source>
      <translation>Graded enterprises</translation>
    </message>
    <message>
      <source>评价年度</source>
      <translation>Evaluation year</translation>
    </message>
    <message>
      <source>滚动开发分期</source>
      <translation>Rolling development phasing</translation>
    </message>
    <message>
      <source>按“开发一片、成熟一片、收益一片”把地块（同一单元的地块一起）或单元分到开发分期，写入 KFFQ、开发状态 KFZT 与说明 KFSM，并输出分期表（每期单元数、地块数、面积、已供地、待出让、新建道路、投资、需核实地块数、启动与成熟季度，合计行，以及未分期的需调整用地）。输入带一张图审查结果时，生态保护红线、永久基本农田、城镇开发边界外、规划分区不允许等禁止性规则判为不合规的地块整块作为“需调整用地”：不分期、不计征地、不出让（勾选“需调整用地仍纳入分期”则照常分期并在各输出标注）；需核实的地块照常分期并标注；已供地不计征地、不再出让，最先安排。其次已完成七通一平的用地，然后从已建道路/基础设施起与已分期用地相邻地扩展；每期不超过规模上限（只有一个不可拆分的单元大于规模时例外并提示）；KFFQ 已填正整数且每期不超规模时保持该期，否则按其数值作为开发顺序拆分。道路投资按道路图层的等级与长度字段（如道路红线面的 DLCD）；开发主体自建标准厂房的用地比例与造价按地块用地类别（参数文件 land_use 表），建筑面积按地块容积率下限 RJLXX。测算起始年与基准年取规划数据库元数据（编制年份 BZNF、基准年 JZNF），未给出时取当前年并在日志中说明。参数（造价、地价、去化速度…）来自 YAML 参数文件，默认值仅为示意性假设。</source>
      <translation>Assigns plots (a unit's plots together) or units to development phases and writes KFFQ, the development status KFZT and its note KFSM, plus a phase table (units, plots, area, supplied and sellable land, new road, investment, plots to verify, start and maturity quarter, a total row and the land set apart). With the master-plan check's results, a plot that a prohibiting rule (ecological red line, permanent farmland, outside the urban boundary, a zone that does not allow the use) makes non-compliant is set apart whole: not phased, no acquisition cost, no sale (or phased and marked everywhere when 'phase land set apart anyway' is ticked); plots to verify are phased and marked; supplied land carries no acquisition and no sale and goes first. Then serviced land, then land contiguous with what is assigned, growing from built roads and infrastructure; each phase stays within its capacity (except one indivisible unit larger than it, reported); a positive KFFQ keeps its phase when the pinned phases fit the capacity, otherwise it is read as an order. Road cost comes from the road layer's class and length fields (e.g. DLCD of the corridors); the developer's standard factories take the share and cost of each plot's land-use class (land_use in the parameter file) and the plot's RJLXX as their FAR. The start year and base year come from the plan's metadata (BZNF, JZNF), else the current year, as the log says. Parameters come from a YAML file whose defaults are illustrative assumptions.</translation>
    </message>
    <message>
      <source>要分期的地块（同一单元 DYBH 的地块一起分期）或单元；带一张图审查结果（SCJL、CT_*）时，禁止性规则不合规的需调整用地不分期、不征地、不出让；YDMJ 为空时按几何量算 / plots (a unit's plots phased together) or units; with the master-plan check's results, land a prohibiting rule rejects is set apart</source>
      <translation>plots (a unit's plots phased together) or units; with the master-plan check's results, land a prohibiting rule rejects is set apart</translation>
    </message>
    <message>
      <source>道路中心线或道路红线面：按等级计算道路投资；已建道路作为分期起点 / road centre lines or corridors</source>
      <translation>Road centre lines or road red-line areas: road cost by class; built roads are where the phases start</translation>
    </message>
    <message>
      <source>取值如 主干路/次干路/支路，对应参数文件 costs.roads_per_km / road class matching the parameter file</source>
      <translation>Values such as 主干路/次干路/支路 (arterial/secondary/branch), matching costs.roads_per_km in the parameter file</translation>
    </message>
    <message>
      <source>道路红线面的中心线长度，如 zutuan:subdivideunits 输出的 DLCD；留空按几何量算 / centre-line length (m), e.g. DLCD of the road corridors; empty: measured</source>
      <translation>centre-line length (m), e.g. DLCD of the road corridors; empty: measured</translation>
    </message>
    <message>
      <source>取值 已建/已建成/建成/现状 的道路视为已建：不计投资，作为分期起点 / built roads seed the phases</source>
      <translation>Roads with 已建/已建成/建成/现状 are built: no cost, the phases start from them</translation>
    </message>
    <message>
      <source>已建的管网、场站等，分期从其附近开始 / other built infrastructure the phases grow from</source>
      <translation>Built networks, stations etc.; the phases start near them</translation>
    </message>
    <message>
      <source>取值 是/已完成 的用地优先，且不再计七通一平费用 / serviced land goes next and needs no site preparation</source>
      <translation>Land with 是/已完成 goes next and has no site-preparation (seven connections and levelling) cost</translation>
    </message>
    <message>
      <source>正整数即固定为该期 / a positive phase number pins the unit to that phase</source>
      <translation>A positive integer pins the unit to that phase</translation>
    </message>
    <message>
      <source>读取元数据中的编制年份（测算起始年）与基准年；未给出时取当前年 / the plan GeoPackage: its year starts the cash flow and its base year dates the targets; without it the current year is used</source>
      <translation>the plan GeoPackage: its year starts the cash flow and its base year dates the targets; without it the current year is used</translation>
    </message>
    <message>
      <source>勾选后一张图禁止性规则不合规的用地（如待边界校核）仍分期、征地、出让，各输出均标注 / phase land that a prohibiting rule rejects anyway (e.g. pending a boundary correction); every output marks it</source>
      <translation>phase land that a prohibiting rule rejects anyway (e.g. pending a boundary correction); every output marks it</translation>
    </message>
    <message>
      <source>只写需要改的键，其余取 resources/feasibility/default_params.yaml（示意值，须替换） / YAML overrides</source>
      <translation>Only the keys to change; the rest come from resources/feasibility/default_params.yaml (illustrative values, to be replaced)</translation>
    </message>
    <message>
      <source>覆盖参数文件中的 phasing.capacity_ha / overrides phasing.capacity_ha</source>
      <translation>Overrides phasing.capacity_ha of the parameter file</translation>
    </message>
    <message>
      <source>前一期土地供应比例达到该值后开启下一期 / share of a phase's land supplied before the next opens</source>
      <translation>The next phase opens when this share of the previous phase's land has been supplied</translation>
    </message>
    <message>
      <source>输入要素及开发分期字段 KFFQ / input features with KFFQ</source>
      <translation>The input features with the development phase field KFFQ</translation>
    </message>
    <message>
      <source>每期一行：面积、单元数、投资（万元）、启动与成熟季度 / one row per phase</source>
      <translation>One row per phase: area, units, investment (10,000 CNY), start and maturity quarters</translation>
    </message>
    <message>
      <source>地块或单元图层</source>
      <translation>Plots or units</translation>
    </message>
    <message>
      <source>道路（可选）</source>
      <translation>Roads (optional)</translation>
    </message>
    <message>
      <source>道路等级字段</source>
      <translation>Road class field</translation>
    </message>
    <message>
      <source>道路长度字段（米）</source>
      <translation>Road length field (m)</translation>
    </message>
    <message>
      <source>道路建设状态字段</source>
      <translation>Road construction status field</translation>
    </message>
    <message>
      <source>其他已建基础设施（可选）</source>
      <translation>Other built infrastructure (optional)</translation>
    </message>
    <message>
      <source>已完成七通一平字段</source>
      <translation>Site-preparation-done field (seven connections and levelling)</translation>
    </message>
    <message>
      <source>指定分期字段</source>
      <translation>Fixed phase field</translation>
    </message>
    <message>
      <source>规划数据库（可选）</source>
      <translation>Plan GeoPackage (optional)</translation>
    </message>
    <message>
      <source>需调整用地仍纳入分期</source>
      <translation>Phase land set apart anyway</translation>
    </message>
    <message>
      <source>测算参数文件（YAML，可选）</source>
      <translation>Feasibility parameter file (YAML, optional)</translation>
    </message>
    <message>
      <source>每期规模（公顷，可选）</source>
      <translation>Size of a phase (ha, optional)</translation>
    </message>
    <message>
      <source>成熟阈值（0–1，可选）</source>
      <translation>Maturity threshold (0–1, optional)</translation>
    </message>
    <message>
      <source>分期结果</source>
      <translation>Phased layer</translation>
    </message>
    <message>
      <source>分期表</source>
      <translation>Phase table</translation>
    </message>
    <message>
      <source>分期数</source>
      <translation>Number of phases</translation>
    </message>
    <message>
      <source>单元划分地块</source>
      <translation>Subdivide units into plots</translation>
    </message>
    <message>
      <source>把单元划分为接近目标面积、介于最小与最大面积之间的地块（单元字段 DKMBMJ / DKZXMJ / DKZDMJ 可逐单元覆盖）。已供地宗地（按表达式判定，默认 GDZT = '已供地'；表达式有误或字段名拼错时停止并给出表达式的错误）原样保留为地块、不再切分；勾选“尊重宗地界线”时新地块不跨越宗地边界。其余部分沿最小外接矩形长边方向递归直线切分，切线位置按面积精确求解（CityEngine 地块细分方法），地块近似矩形；给出道路时优先使每个地块临路，输出不临路的地块清单。小于最小面积的零碎部分并入相邻地块。编号 Z01-01-01…；记录并返回质量指标（数量、面积最小/平均/最大、目标区间占比、临路占比、矩形度）。</source>
      <translation>Cuts units into plots near a target area within [min, max] (per-unit overrides in DKMBMJ / DKZXMJ / DKZDMJ). Supplied parcels (an expression, by default GDZT = '已供地'; an invalid expression or a misspelt field stops the run with the expression's error) are kept intact as plots; with 'respect cadastre' new plots do not cross parcel boundaries. The rest is cut recursively across the long side of the oriented bounding box with cut positions solved exactly for area (CityEngine's parcel subdivision), giving near-rectangular plots; with roads, cuts keep plots on a road-facing edge where the shape allows and plots without frontage are reported. Offcuts below the minimum merge into a neighbour. Codes Z01-01-01…; quality figures are logged and returned.</translation>
    </message>
    <message>
      <source>单元面（DYBH 单元编号）/ unit polygons</source>
      <translation>Unit polygons (unit code DYBH)</translation>
    </message>
    <message>
      <source>现状宗地 / cadastral parcels</source>
      <translation>Existing cadastral parcels</translation>
    </message>
    <message>
      <source>为真的宗地原样保留为地块 / parcels for which this is true are kept intact</source>
      <translation>Parcels for which this is true are kept intact as plots</translation>
    </message>
    <message>
      <source>新地块不跨越宗地边界 / new plots do not cross parcel boundaries</source>
      <translation>New plots do not cross parcel boundaries</translation>
    </message>
    <message>
      <source>用于判断临路；中心线按 HXKD 半宽 / used for frontage; centre lines use half of HXKD</source>
      <translation>Used for road frontage; centre lines are widened by half of HXKD</translation>
    </message>
    <message>
      <source>必须大于 0 / must be greater than 0</source>
      <translation>Must be greater than 0</translation>
    </message>
    <message>
      <source>小于此面积的零碎部分并入相邻地块 / smaller offcuts merge into a neighbour</source>
      <translation>Offcuts smaller than this merge into a neighbouring plot</translation>
    </message>
    <message>
      <source>不得小于目标面积 / not below the target</source>
      <translation>Not less than the target area</translation>
    </message>
    <message>
      <source>0 表示不限；较窄的地块列入问题清单 / 0 = no limit; narrower plots are reported</source>
      <translation>0 = no limit; narrower plots are reported in the findings</translation>
    </message>
    <message>
      <source>0 表示不限 / 0 = no limit</source>
      <translation>0 = no limit</translation>
    </message>
    <message>
      <source>DKBH 编号、DYBH、ZTBH、继承单元属性、YDMJ、GDZT / plots</source>
      <translation>Plots with code DKBH, DYBH, ZTBH, the unit's attributes, YDMJ and GDZT</translation>
    </message>
    <message>
      <source>不临路、过窄、面积超限、小单元等 / no frontage, narrow, area out of range, small units</source>
      <translation>No road frontage, too narrow, area out of range, small units etc.</translation>
    </message>
    <message>
      <source>单元图层</source>
      <translation>Unit layer</translation>
    </message>
    <message>
      <source>宗地图层（可选）</source>
      <translation>Cadastral parcel layer (optional)</translation>
    </message>
    <message>
      <source>已供地判定表达式</source>
      <translation>Expression for supplied land</translation>
    </message>
    <message>
      <source>尊重宗地界线</source>
      <translation>Respect parcel boundaries</translation>
    </message>
    <message>
      <source>道路（可选，红线面或中心线）</source>
      <translation>Roads (optional, red-line areas or centre lines)</translation>
    </message>
    <message>
      <source>目标地块面积（平方米）</source>
      <translation>Target plot area (m²)</translation>
    </message>
    <message>
      <source>最小地块面积（平方米）</source>
      <translation>Minimum plot area (m²)</translation>
    </message>
    <message>
      <source>最大地块面积（平方米）</source>
      <translation>Maximum plot area (m²)</translation>
    </message>
    <message>
      <source>最小宽度/临路宽度（米）</source>
      <translation>Minimum width / frontage (m)</translation>
    </message>
    <message>
      <source>最大长宽比</source>
      <translation>Maximum aspect ratio</translation>
    </message>
    <message>
      <source>地块</source>
      <translation>Plots</translation>
    </message>
    <message>
      <source>临路地块占比</source>
      <translation>Share of plots with road frontage</translation>
    </message>
    <message>
      <source>平均矩形度</source>
      <translation>Mean rectangularity</translation>
    </message>
    <message>
      <source>组团划分单元</source>
      <translation>Subdivide clusters into units</translation>
    </message>
    <message>
      <source>先按规划道路中心线和红线宽度（宽度字段，或按道路等级的默认宽度）从组团中扣除道路红线用地，交叉口无碎片、道路与单元之间无缝隙，道路单独输出（等级、宽度、长度、面积）；其余部分成为单元。大于最大单元面积的部分沿其主方向用直线等分为近似矩形的单元，小于最小单元面积的碎片并入同一组团内共边最长的相邻单元（或道路）。单元继承组团属性，编号 Z01-01… 沿组团主轴方向排列，重复运行结果相同。在投影米制坐标系中计算并输出。</source>
      <translation>Cuts the planned road corridors (centre lines buffered by their red-line width, from a width field or per-class defaults) out of the clusters, with clean junctions and no gaps, and returns them as their own layer (class, width, length, area); the rest becomes units. Pieces above the maximum unit area are cut into near-rectangular units along their main orientation; pieces below the minimum merge into the neighbouring unit (or road) of the same cluster sharing the longest edge. Units inherit the cluster's attributes; codes Z01-01… follow the cluster's main axis and are stable across runs. Computed and written in a projected metre CRS.</translation>
    </message>
    <message>
      <source>组团面（ZTBH 组团编号；缺失时按顺序编号）/ cluster polygons</source>
      <translation>Cluster polygons (cluster code ZTBH; numbered in order where missing)</translation>
    </message>
    <message>
      <source>道路中心线，带等级和/或红线宽度字段 / planned road centre lines</source>
      <translation>Planned road centre lines with a class and/or red-line width field</translation>
    </message>
    <message>
      <source>如 主干路 / 次干路 / 支路 / road class field</source>
      <translation>Road class, e.g. 主干路 / 次干路 / 支路 (arterial / secondary / branch)</translation>
    </message>
    <message>
      <source>有值时优先于等级默认宽度 / overrides the class default when set</source>
      <translation>Overrides the class default width when set</translation>
    </message>
    <message>
      <source>等级:宽度，逗号分隔；可编辑 / class:width pairs, editable</source>
      <translation>class:width pairs, comma-separated; editable</translation>
    </message>
    <message>
      <source>小于此面积的碎片并入相邻单元 / smaller pieces merge into a neighbour</source>
      <translation>Pieces smaller than this merge into a neighbouring unit</translation>
    </message>
    <message>
      <source>大于此面积的部分继续划分 / larger pieces are split further</source>
      <translation>Pieces larger than this are split further</translation>
    </message>
    <message>
      <source>单元，DYBH 编号、继承组团属性、YDMJ 面积 / units</source>
      <translation>Units with code DYBH, the cluster's attributes and area YDMJ</translation>
    </message>
    <message>
      <source>ZTBH、DLDJ 等级、HXKD 宽度、DLCD 长度、YDMJ 面积 / road corridors</source>
      <translation>Road corridors with ZTBH, class DLDJ, width HXKD, length DLCD and area YDMJ</translation>
    </message>
    <message>
      <source>几何修复、碎片、无宽度道路等 / repairs, small pieces, roads without width</source>
      <translation>Geometry repairs, small pieces, roads without a width etc.</translation>
    </message>
    <message>
      <source>规划道路中心线（可选）</source>
      <translation>Planned road centre lines (optional)</translation>
    </message>
    <message>
      <source>红线宽度字段（米）</source>
      <translation>Red-line width field (m)</translation>
    </message>
    <message>
      <source>等级默认红线宽度（米）</source>
      <translation>Default red-line width per road class (m)</translation>
    </message>
    <message>
      <source>最小单元面积（平方米）</source>
      <translation>Minimum unit area (m²)</translation>
    </message>
    <message>
      <source>最大单元面积（平方米）</source>
      <translation>Maximum unit area (m²)</translation>
    </message>
    <message>
      <source>单元</source>
      <translation>Units</translation>
    </message>
    <message>
      <source>道路红线用地</source>
      <translation>Road red-line land</translation>
    </message>
    <message>
      <source>单元数</source>
      <translation>Number of units</translation>
    </message>
    <message>
      <source>道路红线用地面积（平方米）</source>
      <translation>Road red-line land area (m²)</translation>
    </message>
    <message>
      <source>发展目标跟踪</source>
      <translation>Target tracking</translation>
    </message>
    <message>
      <source>把企业统计的年度实际值（工业总产值、企业数、从业人员、税收、增加值、当年固定资产投资、营业收入）与实施方案的 3 年、5 年发展目标对照：目标表（指标、目标年、目标值，可选基准年、基准值、方向 ≥/≤）或现金流测算工作簿的“发展目标”表。完成率 = 实际值 ÷ 目标值；按计划进度为基准年实际值（统计表有该年时）到目标值的直线，目标年之前实际值不低于进度为“按计划”，否则“落后”；目标年及以后为“达到/未达到”。有企业缺少该项数据时结论为“需核实”（列出缺少的企业数），不判按计划或达到。统计表没有的指标（如土地开发、基础设施投资）标为“未检查”。输出跟踪表和完成率图（SVG）。</source>
      <translation>Compares the statistics' yearly figures (output, enterprises, employees, taxes, value added, this year's fixed-asset investment, revenue) with the plan's 3- and 5-year targets, from a target table (indicator, target year, target; optionally base year, base value, direction) or the targets sheet of the cash-flow workbook. Completion = actual ÷ target; the planned path runs straight from the base year's actual to the target: before the target year a figure on or above it is on track, below it behind; from the target year on, met or not met. A sum some enterprises leave blank is to be verified (with their count), never on track or met. Targets the statistics cannot measure are not checked. Writes the tracking table and an SVG chart of the completion.</translation>
    </message>
    <message>
      <source>指标、目标年、目标值（可选 基准年、基准值、方向）；也可直接用现金流测算工作簿（读取“发展目标”表） / targets, or the cash-flow workbook</source>
      <translation>targets, or the cash-flow workbook</translation>
    </message>
    <message>
      <source>目标表没有基准年（或期限）时使用 / used where the table gives no base year</source>
      <translation>used where the table gives no base year</translation>
    </message>
    <message>
      <source>每个目标每年一行 / one row per target and year</source>
      <translation>one row per target and year</translation>
    </message>
    <message>
      <source>各目标各年完成率与计划进度 / completion per target and year</source>
      <translation>completion per target and year</translation>
    </message>
    <message>
      <source>发展目标表（CSV/xlsx）</source>
      <translation>Targets (CSV/xlsx)</translation>
    </message>
    <message>
      <source>目标跟踪表</source>
      <translation>Target tracking workbook</translation>
    </message>
    <message>
      <source>完成率图（SVG）</source>
      <translation>Completion chart (SVG)</translation>
    </message>
    <message>
      <source>按计划或达到的项数</source>
      <translation>Targets on track or met</translation>
    </message>
    <message>
      <source>落后或未达到的项数</source>
      <translation>Targets behind or not met</translation>
    </message>
    <message>
      <source>开发区年度综合评价</source>
      <translation>Yearly zone evaluation</translation>
    </message>
    <message>
      <source>按指标体系文件（YAML：指标、权重、评分与分档）对每个园区每个年度综合评价：亩均税收、单位面积土地增加值、单位能耗增加值、全员劳动生产率、研发经费投入强度、主导产业产值占比、税收增长指数等，由企业统计汇总计算；同一次评价的全部园区—年度共用基准（100 分 = 平均水平），同一园区的各年可比，排名在同一年度内。园区取统计表的“园区”列（多个园区可在一张表中），无此列时为一个园区。某项数据有企业空缺时，该行“说明”写明“需核实：缺少该项的企业数/企业总数”，合计不当作完整。默认指标体系的权重为示意值（非官方）。</source>
      <translation>Evaluates every zone in every year by an indicator system file (YAML: indicators, weights, scoring, grades): tax and value added per mu, value added per unit of energy, labour productivity, R&amp;D intensity, the leading industry's share of output, the tax growth index, computed from the statistics. All zone-years of a run share the benchmarks (100 = the average), so a zone's years are comparable; ranks are within each year. Zones come from the table's zone column (several zones in one table), else one zone. When some enterprises leave a figure blank, the row's note says 需核实 with how many, never taking the sum as complete. The default weights are illustrative, not official.</translation>
    </message>
    <message>
      <source>留空用示意配置 resources/monitoring/zone_evaluation_illustrative.yaml（非官方） / empty: the illustrative weights</source>
      <translation>empty: the illustrative weights</translation>
    </message>
    <message>
      <source>每个园区每个年度一行：指标、得分、年度排名、等级 / one row per zone and year</source>
      <translation>one row per zone and year</translation>
    </message>
    <message>
      <source>评价指标体系（YAML，可选）</source>
      <translation>Indicator system (YAML, optional)</translation>
    </message>
    <message>
      <source>综合评价表</source>
      <translation>Zone evaluation workbook</translation>
    </message>
    <message>
      <source>园区数</source>
      <translation>Zones</translation>
    </message>
    <message>
      <source>新建规划</source>
      <translation>New plan</translation>
    </message>
    <message>
      <source>划分单元</source>
      <translation>Subdivide units</translation>
    </message>
    <message>
      <source>划分地块</source>
      <translation>Subdivide plots</translation>
    </message>
    <message>
      <source>赋值指标</source>
      <translation>Assign controls</translation>
    </message>
    <message>
      <source>可行性测算</source>
      <translation>Feasibility</translation>
    </message>
    <message>
      <source>撤销上一步</source>
      <translation>Undo last step</translation>
    </message>
    <message>
      <source>选择导出文件夹</source>
      <translation>Choose the export folder</translation>
    </message>
    <message>
      <source>未审查</source>
      <translation>Not reviewed</translation>
    </message>
    <message>
      <source>小组团规划</source>
      <translation>Cluster plan</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>规划概览</source>
      <translation>Plan overview</translation>
    </message>
    <message>
      <source>指标编辑</source>
      <translation>Control editor</translation>
    </message>
    <message>
      <source>打开文件夹</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <source>全部地块</source>
      <translation>All plots</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>用地 / 产业</source>
      <translation>Land use / industry</translation>
    </message>
    <message>
      <source>面积（公顷）</source>
      <translation>Area (ha)</translation>
    </message>
    <message>
      <source>容积率</source>
      <translation>FAR</translation>
    </message>
    <message>
      <source>亩均等级</source>
      <translation>Per-mu grade</translation>
    </message>
    <message>
      <source>所选地块</source>
      <translation>Selected plots</translation>
    </message>
    <message>
      <source>审查结论</source>
      <translation>Review result</translation>
    </message>
    <message>
      <source>所选</source>
      <translation>Selected</translation>
    </message>
    <message>
      <source>（不修改）</source>
      <translation>(unchanged)</translation>
    </message>
    <message>
      <source>容积率下限</source>
      <translation>Minimum FAR</translation>
    </message>
    <message>
      <source>容积率上限</source>
      <translation>Maximum FAR</translation>
    </message>
    <message>
      <source>建筑系数下限 %</source>
      <translation>Minimum building coefficient %</translation>
    </message>
    <message>
      <source>建筑密度上限 %</source>
      <translation>Maximum building density %</translation>
    </message>
    <message>
      <source>绿地率上限 %</source>
      <translation>Maximum green ratio %</translation>
    </message>
    <message>
      <source>行政办公用地比例上限 %</source>
      <translation>Maximum office and service land share %</translation>
    </message>
    <message>
      <source>建筑限高 m</source>
      <translation>Height limit m</translation>
    </message>
    <message>
      <source>投资强度下限 万元/公顷</source>
      <translation>Minimum investment intensity 10,000 CNY/ha</translation>
    </message>
    <message>
      <source>控制指标编辑（所选地块）</source>
      <translation>Edit control indicators (selected plots)</translation>
    </message>
    <message>
      <source>未选择地块</source>
      <translation>No plot selected</translation>
    </message>
    <message>
      <source>用地用海分类</source>
      <translation>Land/sea-use class</translation>
    </message>
    <message>
      <source>如 C20 或 20</source>
      <translation>e.g. C20 or 20</translation>
    </message>
    <message>
      <source>国民经济行业代码</source>
      <translation>Industry code (GB/T 4754)</translation>
    </message>
    <message>
      <source>应用到所选地块</source>
      <translation>Apply to selected plots</translation>
    </message>
    <message>
      <source>超出标准</source>
      <translation>Outside the standard</translation>
    </message>
    <message>
      <source>以下指标超出标准，仍然应用吗？</source>
      <translation>These values are outside the standard. Apply them anyway?</translation>
    </message>
    <message>
      <source>多个值</source>
      <translation>several values</translation>
    </message>
    <message>
      <source>不限</source>
      <translation>no limit</translation>
    </message>
    <message>
      <source>调整建议须达到的最大资金需求上限，0 为不限</source>
      <translation>Peak funding the suggestions must stay within; 0 for no limit</translation>
    </message>
    <message>
      <source>最大资金需求上限（万元）</source>
      <translation>Peak funding limit (10k CNY)</translation>
    </message>
    <message>
      <source>未测算</source>
      <translation>not computed</translation>
    </message>
    <message>
      <source>应用所选方案（新方案版本，可撤销）</source>
      <translation>Apply the selected plan (new plan version, undoable)</translation>
    </message>
    <message>
      <source>测算期内未回收</source>
      <translation>not paid back within the period</translation>
    </message>
    <message>
      <source>方案</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>调整</source>
      <translation>Adjustment</translation>
    </message>
    <message>
      <source>结论</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>只有方案 1 由现金流测算写出调整后的地块</source>
      <translation>Only plan 1 is written by the cash flow as adjusted plots</translation>
    </message>
    <message>
      <source>净现值</source>
      <translation>NPV</translation>
    </message>
    <message>
      <source>万元</source>
      <translation>10k CNY</translation>
    </message>
    <message>
      <source>最大资金需求</source>
      <translation>Peak funding</translation>
    </message>
    <message>
      <source>投资回收</source>
      <translation>Payback</translation>
    </message>
    <message>
      <source>未搜索调整建议</source>
      <translation>no search for suggestions</translation>
    </message>
    <message>
      <source>图层</source>
      <translation>Layers</translation>
    </message>
    <message>
      <source>审查结果</source>
      <translation>Review results</translation>
    </message>
    <message>
      <source>打开审查报告</source>
      <translation>Open the review report</translation>
    </message>
    <message>
      <source>规则</source>
      <translation>Rule</translation>
    </message>
    <message>
      <source>严重程度</source>
      <translation>Severity</translation>
    </message>
    <message>
      <source>冲突面积（㎡）</source>
      <translation>Conflict area (m²)</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>审查已过期</source>
      <translation>Review out of date</translation>
    </message>
    <message>
      <source>个地块在审查后修改，请重新审查</source>
      <translation>plots changed since the review: review again</translation>
    </message>
    <message>
      <source>问题</source>
      <translation>Findings</translation>
    </message>
    <message>
      <source>组团</source>
      <translation>Clusters</translation>
    </message>
    <message>
      <source>一张图冲突</source>
      <translation>Master-plan conflicts</translation>
    </message>
    <message>
      <source>小组团规划默认样式</source>
      <translation>Cluster plan default style</translation>
    </message>
    <message>
      <source>亩均效益等级</source>
      <translation>Per-mu efficiency grades</translation>
    </message>
    <message>
      <source>年</source>
      <translation>year</translation>
    </message>
    <message>
      <source>未评价（无统计数据）</source>
      <translation>not evaluated (no statistics)</translation>
    </message>
    <message>
      <source>规划道路中心线</source>
      <translation>Planned road centre lines</translation>
    </message>
    <message>
      <source>宗地</source>
      <translation>Cadastral parcels</translation>
    </message>
    <message>
      <source>数字高程模型 DEM</source>
      <translation>Digital elevation model (DEM)</translation>
    </message>
    <message>
      <source>草图组团</source>
      <translation>Sketched cluster</translation>
    </message>
    <message>
      <source>目标地块面积</source>
      <translation>Target plot area</translation>
    </message>
    <message>
      <source>最小宽度</source>
      <translation>Minimum width</translation>
    </message>
    <message>
      <source>绘制组团</source>
      <translation>Draw a cluster</translation>
    </message>
    <message>
      <source>保留</source>
      <translation>Keep</translation>
    </message>
    <message>
      <source>放弃</source>
      <translation>Discard</translation>
    </message>
    <message>
      <source>左键加点（按项目捕捉设置吸附），右键结束</source>
      <translation>Left click adds a vertex (snapped by the project snapping settings), right click finishes</translation>
    </message>
    <message>
      <source>公顷</source>
      <translation>ha</translation>
    </message>
    <message>
      <source>草图单元</source>
      <translation>Sketched units</translation>
    </message>
    <message>
      <source>草图地块</source>
      <translation>Sketched plots</translation>
    </message>
    <message>
      <source>已保留</source>
      <translation>Kept</translation>
    </message>
    <message>
      <source>个图层</source>
      <translation>layers</translation>
    </message>
    <message>
      <source>预览</source>
      <translation>preview</translation>
    </message>
    <message>
      <source>个单元</source>
      <translation>units</translation>
    </message>
    <message>
      <source>块地块</source>
      <translation>plots</translation>
    </message>
    <message>
      <source>预览失败</source>
      <translation>Preview failed</translation>
    </message>
    <message>
      <source>块</source>
      <translation>plots</translation>
    </message>
    <message>
      <source>亩</source>
      <translation>mu</translation>
    </message>
    <message>
      <source>计容建筑面积</source>
      <translation>FAR-counted floor area</translation>
    </message>
    <message>
      <source>万㎡</source>
      <translation>×10⁴ m²</translation>
    </message>
    <message>
      <source>最低固定资产投资</source>
      <translation>minimum fixed-asset investment</translation>
    </message>
    <message>
      <source>亿元</source>
      <translation>×10⁸ CNY</translation>
    </message>
    <message>
      <source>待处理问题</source>
      <translation>Open findings</translation>
    </message>
    <message>
      <source>用地类别</source>
      <translation>Land-use class</translation>
    </message>
    <message>
      <source>未赋值</source>
      <translation>Not assigned</translation>
    </message>
    <message>
      <source>投资强度</source>
      <translation>investment intensity</translation>
    </message>
    <message>
      <source>规划师流程：组团到图则</source>
      <translation>Planner workflow: clusters to plot sheets</translation>
    </message>
    <message>
      <source>审查员流程：一张图与用地标准审查</source>
      <translation>Reviewer workflow: master-plan and land-use standards checks</translation>
    </message>
    <message>
      <source>模型</source>
      <translation>Models</translation>
    </message>
    <message>
      <source>小组团滚动开发</source>
      <translation>Cluster rolling development</translation>
    </message>
    <message>
      <source>小组团滚动开发 Cluster rolling development</source>
      <translation>Cluster rolling development (小组团滚动开发)</translation>
    </message>
    <message>
      <source>按指标体系文件（YAML：指标、权重、评分与分档）对每个园区每个年度综合评价：亩均税收、单位面积土地增加值、单位能耗增加值、全员劳动生产率、研发经费投入强度、主导产业产值占比、税收增长指数等，由企业统计汇总计算；同一次评价的全部园区—年度共用基准（100 分 = 平均水平），同一园区的各年可比，排名在同一年度内。园区取统计表的“园区”列（多个园区可在一张表中），无此列时为一个园区。默认指标体系的权重为示意值（非官方）。</source>
      <translation type="vanished">Evaluates every zone in every year by an indicator system file (YAML: indicators, weights, scoring, grades): tax and value added per mu, value added per unit of energy, labour productivity, R&amp;D intensity, the leading industry's share of output, the tax growth index, computed from the statistics. All zone-years of a run share the benchmarks (100 = the average), so a zone's years are comparable; ranks are within each year. Zones come from the table's zone column (several zones in one table), else one zone. The default weights are illustrative, not official.</translation>
    </message>
    <message>
      <source>按 TD/T 1029-2017《开发区土地集约利用评价规程》计算全区和各组团的土地开发率、土地供应率、土地建成率、工业用地率、综合容积率、建筑密度、工业用地综合容积率、工业用地建筑系数、工业用地固定资产投入强度、工业用地地均税收、综合地均税收。“现状”方式从所选字段读取供地条件、建成状态、建筑面积、基底面积、固定资产和税收；“规划”方式按规划建成后计算，取控制指标下限（JRJZMJ/RJLXX、JZMDXX、JZXS、ZDTZE/TZQD、DJSS）。缺少的输入在表中标为“缺少输入”，不作假设。公式取自试行规程的实现，尚未与 TD/T 1029-2017 正文逐条核对（见 resources/feasibility/intensive_use.yaml）。其他来源的图层：在字段参数中选择用地代码、组团编号、供地状态等字段，留空时识别常用名称（resources/standards/field_variants.csv）；缺少的字段在日志中说明，依赖它的指标为“缺少输入”。</source>
      <translation type="vanished">Computes the TD/T 1029-2017 land intensive-use indicators of a development zone for the whole zone and for each cluster: land development, supply and built-up rates, industrial land share, floor-area ratio, building density, industrial floor-area ratio and building coefficient, industrial fixed-asset and tax intensity, and overall tax per hectare. 'Status' reads the fields you choose; 'plan' evaluates the plan at completion from the control minimums. Missing inputs are reported as such, never assumed. The formulas come from an implementation of the trial rules and are not yet checked against the standard. Layers from elsewhere: choose the land-use code, cluster code, supply status and other fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); a missing field is named in the log and the indicators that need it are 'missing input'.</translation>
    </message>
    <message>
      <source>把企业统计的年度实际值（工业总产值、企业数、从业人员、税收、增加值、当年固定资产投资、营业收入）与实施方案的 3 年、5 年发展目标对照：目标表（指标、目标年、目标值，可选基准年、基准值、方向 ≥/≤）或现金流测算工作簿的“发展目标”表。完成率 = 实际值 ÷ 目标值；按计划进度为基准年实际值（统计表有该年时）到目标值的直线，目标年之前实际值不低于进度为“按计划”，否则“落后”；目标年及以后为“达到/未达到”。统计表没有的指标（如土地开发、基础设施投资）标为“未检查”。输出跟踪表和完成率图（SVG）。</source>
      <translation type="vanished">Compares the statistics' yearly figures (output, enterprises, employees, taxes, value added, this year's fixed-asset investment, revenue) with the plan's 3- and 5-year targets, from a target table (indicator, target year, target; optionally base year, base value, direction) or the targets sheet of the cash-flow workbook. Completion = actual ÷ target; the planned path runs straight from the base year's actual to the target: before the target year a figure on or above it is on track, below it behind; from the target year on, met or not met. Targets the statistics cannot measure are not checked. Writes the tracking table and an SVG chart of the completion.</translation>
    </message>
    <message>
      <source>将地块与国土空间总体规划“一张图”比对：生态保护红线、永久基本农田（建设用地不得占用）、城镇开发边界（建设用地须位于其内）、规划分区（按可编辑的分区—用地兼容表）、任意其他管控图层（不得占用 / 须位于其内 / 接触即提示）以及 DEM 坡度（大于限值部分的比例）。各图层可为不同坐标系，统一投影到米制坐标系精确量算面积（与独立精确计算相差不超过 0.01 平方米）；同一图层内相互重叠的图斑不重复计算。小于容差的重叠和仅边界相接不算违规；设置“边界容差”后，小于该面积的禁止性冲突判为“需核实（疑似边界误差）”，报告写明所用阈值。报告给出每个地块和全部的冲突净面积（各规则冲突部分的并集，重叠只计一次）、总图和每个冲突地块的示意图（相邻地块、管控边界、指北针、比例尺）及按规则数据（resources/standards/review_actions.csv）的处理建议。提供了但为空或无法读取的图层，其规则标为“未检查”，不会当作通过；管控图层范围与地块范围不相交时（多为坐标系错误）该规则也为“未检查”，除非在“已知位于别处的图层”中声明。坐标与坐标系不符时停止并说明应改用的坐标系。管控图层与地块基准不同（如西安 1980、北京 1954 与 CGCS2000）而转换为粗略转换（ballpark）或精度差于 1 米时，报告和日志注明转换及其精度，距边界在该精度以内的冲突改为“需核实”；可在“基准转换参数”中填写省级公布的七参数（dx,dy,dz,rx,ry,rz,ds，单位 米、秒、ppm，位置矢量约定）或 PROJ 管道，并在“基准转换精度”中填写其精度；QGIS 工程中设置的基准转换也会采用。每条规则只需要自己的字段：缺少用地代码字段时仅规划分区规则未检查。输出：带审查结论的地块（合规 / 不合规 / 需核实）、冲突图斑（地块 × 规则 × 管控要素）和可打印为 PDF 的中文 HTML 报告。“建设用地”按 resources/standards/construction_land_codes.csv 判定。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；所选字段图层中没有时停止并指明参数；没有地块编号时以要素编号标识地块；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</source>
      <translation type="vanished">Checks plots against the master plan's control lines: ecological red line and permanent basic farmland (construction land may not occupy them), urban development boundary (construction land must lie inside), planning zones (editable zone → land-use compatibility table), any other constraint layers (may not occupy / must lie inside / warn when touching) and DEM slope (share steeper than a limit). Layers may be in different CRSs; areas are exact in one projected metre CRS (within 0.01 m² of an independent exact computation) and overlapping polygons of one layer are not counted twice. Overlaps below the tolerance and edge contacts are not violations; with a boundary tolerance, a prohibiting conflict smaller than it is 需核实（疑似边界误差） (probable boundary mismatch) and the report states the threshold. The report gives the net area in conflict per plot and in total (the union of the conflict parts, overlaps counted once), an overview map and one map per conflicting plot (neighbours, constraint boundary, north arrow, scale) and the suggested action per finding from the rule data (resources/standards/review_actions.csv). A layer given but empty or unreadable makes its rule 'not checked', never a pass; so does a constraint layer whose extent does not meet the plots' (usually a CRS slip) unless it is declared to lie elsewhere. Coordinates that cannot belong to their CRS stop the run naming the CRS to use. When a constraint layer is on another datum than the plots (Xian 1980, Beijing 1954 vs CGCS2000) and the transformation is a ballpark one or worse than 1 m, the report and the log name it with its accuracy and conflicts within that distance of a boundary become 需核实; a province's published 7 parameters (dx,dy,dz,rx,ry,rz,ds in m, arc-seconds, ppm, position-vector convention) or a PROJ pipeline can be given with their accuracy, and the QGIS project's datum transformations are used. Each rule needs only its own fields: without a land-use code field only the zoning rule is not checked. Outputs: plots with a result (合规 / 不合规 / 需核实), conflict polygons (plot × rule × constraint feature) and a Chinese HTML report that prints to PDF. Plot layers from elsewhere: choose the plot code and land-use fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); a chosen field that the layer lacks stops the run naming its parameter; without a plot code plots are named by feature id; outputs add the schema fields (DKBH, YDYHFLDM…) and keep the layer's own.</translation>
    </message>
    <message>
      <source>将地块与国土空间总体规划“一张图”比对：生态保护红线、永久基本农田（建设用地不得占用）、城镇开发边界（建设用地须位于其内）、规划分区（按可编辑的分区—用地兼容表）、任意其他管控图层（不得占用 / 须位于其内 / 接触即提示）以及 DEM 坡度（大于限值部分的比例）。各图层可为不同坐标系，统一投影到米制坐标系精确量算面积（与独立精确计算相差不超过 0.01 平方米）；同一图层内相互重叠的图斑不重复计算。小于容差的重叠和仅边界相接不算违规。提供了但为空或无法读取的图层，其规则标为“未检查”，不会当作通过；管控图层范围与地块范围不相交时（多为坐标系错误）该规则也为“未检查”，除非在“已知位于别处的图层”中声明。坐标与坐标系不符时停止并说明应改用的坐标系。管控图层与地块基准不同（如西安 1980、北京 1954 与 CGCS2000）而转换为粗略转换（ballpark）或精度差于 1 米时，报告和日志注明转换及其精度，距边界在该精度以内的冲突改为“需核实”；可在“基准转换参数”中填写省级公布的七参数（dx,dy,dz,rx,ry,rz,ds，单位 米、秒、ppm，位置矢量约定）或 PROJ 管道，并在“基准转换精度”中填写其精度；QGIS 工程中设置的基准转换也会采用。每条规则只需要自己的字段：缺少用地代码字段时仅规划分区规则未检查。输出：带审查结论的地块（合规 / 不合规 / 需核实）、冲突图斑（地块 × 规则 × 管控要素）和可打印为 PDF 的中文 HTML 报告。“建设用地”按 resources/standards/construction_land_codes.csv 判定。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；所选字段图层中没有时停止并指明参数；没有地块编号时以要素编号标识地块；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</source>
      <translation type="vanished">Checks plots against the master plan's control lines: ecological red line and permanent basic farmland (construction land may not occupy them), urban development boundary (construction land must lie inside), planning zones (editable zone → land-use compatibility table), any other constraint layers (may not occupy / must lie inside / warn when touching) and DEM slope (share steeper than a limit). Layers may be in different CRSs; areas are exact in one projected metre CRS (within 0.01 m² of an independent exact computation) and overlapping polygons of one layer are not counted twice. Overlaps below the tolerance and edge contacts are not violations. A layer given but empty or unreadable makes its rule 'not checked', never a pass; so does a constraint layer whose extent does not meet the plots' (usually a CRS slip) unless it is declared to lie elsewhere. Coordinates that cannot belong to their CRS stop the run naming the CRS to use. When a constraint layer is on another datum than the plots (Xian 1980, Beijing 1954 vs CGCS2000) and the transformation is a ballpark one or worse than 1 m, the report and the log name it with its accuracy and conflicts within that distance of a boundary become 需核实; a province's published 7 parameters (dx,dy,dz,rx,ry,rz,ds in m, arc-seconds, ppm, position-vector convention) or a PROJ pipeline can be given with their accuracy, and the QGIS project's datum transformations are used. Each rule needs only its own fields: without a land-use code field only the zoning rule is not checked. Outputs: plots with a result (合规 / 不合规 / 需核实), conflict polygons (plot × rule × constraint feature) and a Chinese HTML report that prints to PDF. Plot layers from elsewhere: choose the plot code and land-use fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); a chosen field that the layer lacks stops the run naming its parameter; without a plot code plots are named by feature id; outputs add the schema fields (DKBH, YDYHFLDM…) and keep the layer's own.</translation>
    </message>
    <message>
      <source>为每个地块生成一页 A3 横向图则：地块及相邻地块、道路与标注（按用地用海一级类着色，本地块红色加粗），控制指标表（容积率、建筑系数、建筑密度、绿地率、限高、投资强度等，没有数值的指标写明原因“未赋值：…”；开发状态），指北针、比例尺、图例，图签（项目名称、编制单位、日期、图号）。输出一个多页 PDF，或每个地块一个 PDF（放在与输出文件同名的文件夹中）。无需图形界面，可在图形建模器和 qgis_process 中使用。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到地块编号字段时停止并指明参数。</source>
      <translation type="vanished">Makes one A3 landscape plot sheet per plot: the plot with its neighbours, roads and labels (coloured by level-1 land-use class, the plot itself outlined in red), its control table (FAR, building coefficient and density, green ratio, height, investment intensity…; a control without a value says why, '未赋值：…'; the development status), north arrow, scale bar, legend and the title block (project, organisation, date, drawing number). Writes one multi-page PDF, or one PDF per plot into a folder named after the output file. Needs no screen: works in the Graphical Modeler and with qgis_process. Plot layers from elsewhere: choose the plot code, land-use and other fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); without a plot code field the run stops naming its parameter.</translation>
    </message>
    <message>
      <source>画出单元边界（虚线）并标注单元编号 DYBH / draws unit boundaries (dashed) labelled with DYBH</source>
      <translation type="vanished">Draws the unit boundaries (dashed) labelled with the unit code DYBH</translation>
    </message>
    <message>
      <source>图签中的编制单位 / organisation in the title block</source>
      <translation type="vanished">Planning organisation in the title block</translation>
    </message>
    <message>
      <source>图号 = 前缀 + 三位序号 / drawing number = prefix + 3-digit page number</source>
      <translation type="vanished">Drawing number = prefix + 3-digit sequence number</translation>
    </message>
    <message>
      <source>多页 PDF 或每个地块一个 PDF / one multi-page PDF or one PDF per plot</source>
      <translation type="vanished">One multi-page PDF or one PDF per plot</translation>
    </message>
    <message>
      <source>多页 PDF；按地块输出时为同名文件夹 / the PDF; per plot: a folder of the same name</source>
      <translation type="vanished">The multi-page PDF; one PDF per plot: a folder of the same name</translation>
    </message>
    <message>
      <source>每个地块一个 PDF</source>
      <translation type="vanished">One PDF per plot</translation>
    </message>
    <message>
      <source>完成</source>
      <translation type="vanished">Done</translation>
    </message>
    <message>
      <source>请先选择地块并填写要修改的指标</source>
      <translation type="vanished">Select plots first and fill in the controls to change</translation>
    </message>
    <message>
      <source>算法不可用</source>
      <translation type="vanished">Algorithm not available</translation>
    </message>
    <message>
      <source>运行失败</source>
      <translation type="vanished">Run failed</translation>
    </message>
    <message>
      <source>地块图层缺少字段</source>
      <translation type="vanished">The plot layer lacks fields</translation>
    </message>
    <message>
      <source>在投影米制坐标系中计算每个面要素的用地面积，写入 YDMJ（平方米）、MJGQ（公顷）、MJMU（亩）。经纬度数据（CGCS2000 或 WGS 84）自动投影到所在的 CGCS2000 三度带高斯-克吕格坐标系量算；无坐标系的图层被拒绝；无效几何自动修复并提示，空几何跳过。输入图层不会被修改。1 公顷 = 10000 平方米 = 15 亩。</source>
      <translation type="vanished">Measures each polygon in a projected metre CRS and writes YDMJ (m²), MJGQ (hectares) and MJMU (mu). Data in degrees (CGCS2000 or WGS 84) is measured in the CGCS2000 3-degree Gauss-Krüger zone that contains it; layers without a CRS are refused; invalid geometries are repaired and reported, null ones skipped. The input is never modified. 1 ha = 10,000 m² = 15 mu.</translation>
    </message>
    <message>
      <source>将地块与国土空间总体规划“一张图”比对：生态保护红线、永久基本农田（建设用地不得占用）、城镇开发边界（建设用地须位于其内）、规划分区（按可编辑的分区—用地兼容表）、任意其他管控图层（不得占用 / 须位于其内 / 接触即提示）以及 DEM 坡度（大于限值部分的比例）。各图层可为不同坐标系，统一投影到米制坐标系精确量算面积（与独立精确计算相差不超过 0.01 平方米）；同一图层内相互重叠的图斑不重复计算。小于容差的重叠和仅边界相接不算违规。提供了但为空或无法读取的图层，其规则标为“未检查”，不会当作通过。输出：带审查结论的地块（合规 / 不合规 / 需核实）、冲突图斑（地块 × 规则 × 管控要素）和可打印为 PDF 的中文 HTML 报告。“建设用地”按 resources/standards/construction_land_codes.csv 判定。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</source>
      <translation type="vanished">Checks plots against the master plan's control lines: ecological red line and permanent basic farmland (construction land may not occupy them), urban development boundary (construction land must lie inside), planning zones (editable zone → land-use compatibility table), any other constraint layers (may not occupy / must lie inside / warn when touching) and DEM slope (share steeper than a limit). Layers may be in different CRSs; areas are exact in one projected metre CRS (within 0.01 m² of an independent exact computation) and overlapping polygons of one layer are not counted twice. Overlaps below the tolerance and edge contacts are not violations. A layer given but empty or unreadable makes its rule 'not checked', never a pass. Outputs: plots with a result (合规 / 不合规 / 需核实), conflict polygons (plot × rule × constraint feature) and a Chinese HTML report that prints to PDF. Plot layers from elsewhere: choose the plot code, land-use and other fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); a needed field that cannot be found stops the run naming its parameter; outputs add the schema fields (DKBH, YDYHFLDM…) and keep the layer's own.</translation>
    </message>
    <message>
      <source>把单元划分为接近目标面积、介于最小与最大面积之间的地块（单元字段 DKMBMJ / DKZXMJ / DKZDMJ 可逐单元覆盖）。已供地宗地（按表达式判定，默认 GDZT = '已供地'）原样保留为地块、不再切分；勾选“尊重宗地界线”时新地块不跨越宗地边界。其余部分沿最小外接矩形长边方向递归直线切分，切线位置按面积精确求解（CityEngine 地块细分方法），地块近似矩形；给出道路时优先使每个地块临路，输出不临路的地块清单。小于最小面积的零碎部分并入相邻地块。编号 Z01-01-01…；记录并返回质量指标（数量、面积最小/平均/最大、目标区间占比、临路占比、矩形度）。</source>
      <translation type="vanished">Cuts units into plots near a target area within [min, max] (per-unit overrides in DKMBMJ / DKZXMJ / DKZDMJ). Supplied parcels (an expression, by default GDZT = '已供地') are kept intact as plots; with 'respect cadastre' new plots do not cross parcel boundaries. The rest is cut recursively across the long side of the oriented bounding box with cut positions solved exactly for area (CityEngine's parcel subdivision), giving near-rectangular plots; with roads, cuts keep plots on a road-facing edge where the shape allows and plots without frontage are reported. Offcuts below the minimum merge into a neighbour. Codes Z01-01-01…; quality figures are logged and returned.</translation>
    </message>
    <message>
      <source>按滚动开发分期（单元已有 KFFQ 时按其分期，否则按“滚动开发分期”的规则自动分期）逐季度测算 40 个季度的现金流：需调整用地不计入，已供地不计征地、不再出让；征地拆迁补偿、七通一平、道路（按道路图层的等级和长度）、市政管网、公共配套、标准厂房、运营等支出，土地出让、厂房销售与租金、运营服务、税收留成等收入，土地按去化速度逐季出让；地均税收与产出强度取各地块的控制指标（DJSS、CCQD），参数文件只补地块没有的值。测算起始季度取规划元数据的编制年份（或参数 START_YEAR），目标基准年取规划元数据 JZNF（默认起始年的上一年），摘要中写明来源。输出 Excel 工作簿（测算摘要、分期表、现金流量表、组团与分期现金流、敏感性分析（地价、建设成本、去化速度 ±10%/±20%）、发展目标（基准年后 3 年和 5 年）、参数），可选 CSV和各期累计现金流图（PNG/SVG）。净现值与内部收益率由 numpy-financial 计算（融资前项目现金流）；融资计划按债务与资本金比例覆盖每季资金缺口。金额单位万元；默认参数仅为示意性假设，须以本开发区数据替换。</source>
      <translation type="vanished">Computes a 40-quarter cash flow of the phased plan (the units' KFFQ when filled, otherwise phased by the rolling-development rules; land set apart by a prohibiting rule is left out, supplied land is neither acquired nor sold again): land acquisition, site preparation, roads by class and length, utilities, public facilities, standard factories and operation against land transfer revenue, factory sale and rent, services and the zone's tax share, with land absorbed quarter by quarter; tax and output per hectare are each plot's own controls (DJSS, CCQD), the parameter file filling only what a plot lacks; the start is the plan's year (metadata BZNF, or START_YEAR) and the base year the plan's JZNF, as the summary says. Writes an Excel workbook (summary, phase table, quarterly cash flow, clusters and phases, sensitivity of land price, construction cost and absorption by ±10% and ±20%, 3- and 5-year targets, parameters), optionally a CSV and a chart of cumulative cash flow per phase (PNG or SVG). NPV and IRR come from numpy-financial on the project flow before financing; the financing plan covers each quarter's gap with debt and equity. Amounts in 万元 (10,000 CNY); the default parameters are illustrative assumptions to be replaced.</translation>
    </message>
    <message>
      <source>按“开发一片、成熟一片、收益一片”把地块（同一单元的地块一起）或单元分到开发分期，写入 KFFQ、开发状态 KFZT 与说明 KFSM，并输出分期表（每期单元数、地块数、面积、已供地、待出让、新建道路、投资、需核实地块数、启动与成熟季度，合计行，以及未分期的需调整用地）。输入带一张图审查结果时，生态保护红线、永久基本农田、城镇开发边界外、规划分区不允许等禁止性规则判为不合规的地块整块作为“需调整用地”：不分期、不计征地、不出让（勾选“需调整用地仍纳入分期”则照常分期并在各输出标注）；需核实的地块照常分期并标注；已供地不计征地、不再出让，最先安排。其次已完成七通一平的用地，然后从已建道路/基础设施起与已分期用地相邻地扩展；每期不超过规模上限（只有一个不可拆分的单元大于规模时例外并提示）；KFFQ 已填正整数且每期不超规模时保持该期，否则按其数值作为开发顺序拆分。道路投资按道路图层的等级与长度字段（如道路红线面的 DLCD）。测算起始年与基准年取规划数据库元数据（编制年份 BZNF、基准年 JZNF），未给出时取当前年并在日志中说明。参数（造价、地价、去化速度…）来自 YAML 参数文件，默认值仅为示意性假设。</source>
      <translation type="vanished">Assigns plots (a unit's plots together) or units to development phases and writes KFFQ, the development status KFZT and its note KFSM, plus a phase table (units, plots, area, supplied and sellable land, new road, investment, plots to verify, start and maturity quarter, a total row and the land set apart). With the master-plan check's results, a plot that a prohibiting rule (ecological red line, permanent farmland, outside the urban boundary, a zone that does not allow the use) makes non-compliant is set apart whole: not phased, no acquisition cost, no sale (or phased and marked everywhere when 'phase land set apart anyway' is ticked); plots to verify are phased and marked; supplied land carries no acquisition and no sale and goes first. Then serviced land, then land contiguous with what is assigned, growing from built roads and infrastructure; each phase stays within its capacity (except one indivisible unit larger than it, reported); a positive KFFQ keeps its phase when the pinned phases fit the capacity, otherwise it is read as an order. Road cost comes from the road layer's class and length fields (e.g. DLCD of the corridors). The start year and base year come from the plan's metadata (BZNF, JZNF), else the current year, as the log says. Parameters come from a YAML file whose defaults are illustrative assumptions.</translation>
    </message>
    <message>
      <source>为每个地块填写控制指标（容积率上下限、建筑系数、建筑密度、绿地率上限、行政办公及生活服务设施用地比例、投资强度下限、建筑限高、产出强度、地均税收），并在 ZBLY 字段写明每项指标的来源。优先顺序：地块自有值 &gt; 覆盖表（按 DKBH、DYBH、HYDM、YDYHFLDM）&gt; 单元默认值 &gt; 组团默认值 &gt; 标准按行业 &gt; 标准按用地类别。行业代码按 GB/T 4754-2017 填写（如 C26、2611），自动对应到 2008 版表格所用的 2002 版大类。2008 版投资强度表的数值没有可查来源，留空；需要它的检查报告“未检查：无标准值”，不会当作通过。地方配置文件（YAML）可收紧或增加指标（可按万元/亩填写，自动×15 换算为万元/公顷），宽于国家约束性指标的值被拒绝。2020 试行版用地代码自动识别并迁移到 2023 版，无效代码给出最接近的有效代码。地区分类目前只接受 一类–七类；土地等别与地区分类的对应关系未核实，未内置。派生：计容建筑面积 JRJZMJ = 容积率下限 × 用地面积，最低固定资产投资 ZDTZE = 投资强度 × 公顷，预计产值 YJCZ、预计税收 YJSS。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</source>
      <translation type="vanished">Fills each plot's controls (FAR bounds, building coefficient, density, green ratio, office/service land share, minimum investment intensity, height limit, output and tax per hectare) and records where each value came from in ZBLY. Precedence: the plot's own value &gt; overrides table (by DKBH, DYBH, HYDM, YDYHFLDM) &gt; unit default &gt; cluster default &gt; profile by industry &gt; profile by land-use class. Industry codes are GB/T 4754-2017 and are mapped to the 2002 divisions of the 2008 tables. The 2008 investment-intensity numbers are not available from any reachable source and are left empty: checks that need them report 'not checked', never a pass. A local YAML profile may tighten or add limits (per mu values are converted to per hectare); values looser than national mandatory ones are refused. 2020 trial land-use codes are detected and migrated; unknown codes get the nearest valid ones. Derived: JRJZMJ, ZDTZE, YJCZ and YJSS. Plot layers from elsewhere: choose the plot code, land-use and other fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); a needed field that cannot be found stops the run naming its parameter; outputs add the schema fields (DKBH, YDYHFLDM…) and keep the layer's own.</translation>
    </message>
    <message>
      <source>把地块图层导出为 Excel 工作簿：地块控制指标一览表（两行表头、单元小计、组团合计与总计、A3 横向打印设置）、单元与组团汇总、用地平衡表（建设用地/非建设用地，一级/二级类面积与比例），给定审查结果图层时另有审查结果表。合计均由未取整的数值计算；未设定的指标留空而不是填 0。可同时导出 UTF-8（带 BOM）CSV。先写临时文件再替换目标文件：目标文件被 Excel/WPS/LibreOffice 打开或目录不可写时报错，原文件不变。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。缺少的可选字段在表下注明。</source>
      <translation type="vanished">Exports the plots to an Excel workbook: the plot control-indicator table (two-row headers, unit subtotals, cluster totals and a grand total, A3 landscape print set-up), a unit and cluster summary, the land-use balance (construction / non-construction land, level-1/2 classes with shares) and, when a findings layer is given, the review findings. Totals are sums of unrounded values; controls that are not set stay empty, not zero. Optionally also a UTF-8 CSV with BOM. The file is written to a temporary file and then moved into place: if the target is open in another program or the folder is not writable the run fails and the old file is left unchanged. Plot layers from elsewhere: choose the plot code, land-use and other fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); a needed field that cannot be found stops the run naming its parameter; outputs add the schema fields (DKBH, YDYHFLDM…) and keep the layer's own. An optional field that is missing is noted under the table.</translation>
    </message>
    <message>
      <source>用于汇总表中的组团名称 / cluster names in the summary</source>
      <translation type="vanished">For cluster names in the summary</translation>
    </message>
    <message>
      <source>审查算法输出的问题图层（GZBH、GZMC、YZCD…）/ findings layer of a review algorithm</source>
      <translation type="vanished">Findings layer written by a review algorithm (GZBH, GZMC, YZCD…)</translation>
    </message>
    <message>
      <source>为每个地块生成一页 A3 横向图则：地块及相邻地块、道路与标注（按用地用海一级类着色，本地块红色加粗），控制指标表（容积率、建筑系数、建筑密度、绿地率、限高、投资强度等，未设定显示“—”），指北针、比例尺、图例，图签（项目名称、编制单位、日期、图号）。输出一个多页 PDF，或每个地块一个 PDF（放在与输出文件同名的文件夹中）。无需图形界面，可在图形建模器和 qgis_process 中使用。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到地块编号字段时停止并指明参数。</source>
      <translation type="vanished">Makes one A3 landscape plot sheet per plot: the plot with its neighbours, roads and labels (coloured by level-1 land-use class, the plot itself outlined in red), its control table (FAR, building coefficient and density, green ratio, height, investment intensity…; '—' where not set), north arrow, scale bar, legend and the title block (project, organisation, date, drawing number). Writes one multi-page PDF, or one PDF per plot into a folder named after the output file. Needs no screen: works in the Graphical Modeler and with qgis_process. Plot layers from elsewhere: choose the plot code, land-use and other fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); without a plot code field the run stops naming its parameter.</translation>
    </message>
    <message>
      <source>将每个地块的控制指标与所选标准配置比对：容积率下限 ≥ 行业最低值、建筑系数 ≥ 下限、行政办公及生活服务设施用地比例 ≤ 7%、绿地率 ≤ 上限、投资强度 ≥ 地区分类 × 行业的最低值；标准无数值或地块未填写的指标报告“未检查”，不当作通过。组团层面：主导产业用地占组团工业用地比例 ≥ 60%（实施方案目标，来源未核实），并列示用地结构。每条结论注明所依据的标准、表和条款。输出与一张图审查相同：带审查结论的地块、问题图斑和同一格式的 HTML 报告。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。</source>
      <translation type="vanished">Checks each plot's controls against the chosen standards profile: FAR minimum ≥ the industry's minimum, building coefficient ≥ minimum, office/service land share ≤ 7%, green ratio ≤ maximum, investment intensity ≥ the minimum for region class × industry; values missing from the standard or from the plot are 'not checked', never a pass. Cluster level: the leading industry's share of the cluster's industrial land ≥ 60% (implementation-plan target, source unconfirmed), and the land-use structure. Every finding cites its standard, table and clause. Same outputs and report format as zutuan:checkmasterplan. Plot layers from elsewhere: choose the plot code, land-use and other fields in the field parameters, or leave them empty to have the usual names recognised (resources/standards/field_variants.csv); a needed field that cannot be found stops the run naming its parameter; outputs add the schema fields (DKBH, YDYHFLDM…) and keep the layer's own.</translation>
    </message>
    <message>
      <source>地块及 SCJL 审查结论、BZ_* 所用标准值 / plots with results and the standard values used</source>
      <translation type="vanished">Plots with the review result SCJL and the standard values used (BZ_*)</translation>
    </message>
    <message>
      <source>按滚动开发分期（单元已有 KFFQ 时按其分期，否则按“滚动开发分期”的规则自动分期）逐季度测算 40 个季度的现金流：征地拆迁补偿、七通一平、道路（按等级和长度）、市政管网、公共配套、标准厂房、运营等支出，土地出让、厂房销售与租金、运营服务、税收留成等收入，土地按去化速度逐季出让。输出 Excel 工作簿（测算摘要、分期表、现金流量表、组团与分期现金流、敏感性分析（地价、建设成本、去化速度 ±10%/±20%）、发展目标（基准年后 3 年和 5 年）、参数），可选 CSV和各期累计现金流图（PNG/SVG）。净现值与内部收益率由 numpy-financial 计算（融资前项目现金流）；融资计划按债务与资本金比例覆盖每季资金缺口。金额单位万元；默认参数仅为示意性假设，须以本开发区数据替换。</source>
      <translation type="vanished">Computes a 40-quarter cash flow of the phased plan (the units' KFFQ when filled, otherwise phased by the rolling-development rules): land acquisition, site preparation, roads by class and length, utilities, public facilities, standard factories and operation against land transfer revenue, factory sale and rent, services and the zone's tax share, with land absorbed quarter by quarter. Writes an Excel workbook (summary, phase table, quarterly cash flow, clusters and phases, sensitivity of land price, construction cost and absorption by ±10% and ±20%, 3- and 5-year targets, parameters), optionally a CSV and a chart of cumulative cash flow per phase (PNG or SVG). NPV and IRR come from numpy-financial on the project flow before financing; the financing plan covers each quarter's gap with debt and equity. Amounts in 万元 (10,000 CNY); the default parameters are illustrative assumptions to be replaced.</translation>
    </message>
    <message>
      <source>覆盖参数 schedule.start_year / overrides schedule.start_year</source>
      <translation type="vanished">Overrides the parameter schedule.start_year</translation>
    </message>
    <message>
      <source>默认 2019，3 年和 5 年目标自该年起算 / base year of the 3- and 5-year targets</source>
      <translation type="vanished">Default 2019; the 3- and 5-year targets count from this year</translation>
    </message>
    <message>
      <source>新建一个规划 GeoPackage，含组团（zutuan）、单元（danyuan）、地块（dikuai）三个面图层和元数据表（plan_metadata：项目名称、编制单位、基准年〔默认 2019〕、地区分类、标准配置、坐标系）。字段名采用拼音首字母，中文别名，详见 docs/SCHEMA.md。可选输入已有组团面，按投影米制坐标系写入并量算 YDMJ。坐标系须为投影米制坐标系（推荐 CGCS2000 三度带）；经纬度组团自动投影到所在三度带。</source>
      <translation type="vanished">Creates a plan GeoPackage holding the cluster (zutuan), unit (danyuan) and plot (dikuai) polygon layers and a metadata table (project name, organisation, base year — 2019 by default —, region class, standards profile, CRS). Field names are pinyin initials with Chinese aliases (docs/SCHEMA.md). Optional existing clusters are written in the plan CRS with their area YDMJ measured. The CRS must be a projected metre CRS (CGCS2000 3-degree GK recommended); clusters in degrees are projected into their 3-degree zone.</translation>
    </message>
    <message>
      <source>3 年、5 年目标的基准年，默认 2019 / base year of the targets</source>
      <translation type="vanished">Base year of the 3- and 5-year targets, default 2019</translation>
    </message>
    <message>
      <source>基准年</source>
      <translation type="vanished">Base year</translation>
    </message>
    <message>
      <source>按“开发一片、成熟一片、收益一片”把单元（或地块）分到开发分期，写入 KFFQ，并输出分期表（面积、单元数、地块数、投资、启动与成熟季度）。已供地的用地最先，其次已完成七通一平的用地，然后从已建道路/基础设施起与已分期用地相邻地扩展；每期不超过规模上限；前一期土地供应比例达到成熟阈值后下一期才启动。KFFQ 已填正整数的单元保持该期。参数（造价、地价、去化速度…）来自 YAML 参数文件，默认值仅为示意性假设，须以本开发区数据替换。</source>
      <translation type="vanished">Assigns units (or plots) to development phases and writes KFFQ, plus a phase table (area, units, plots, investment, start and maturity quarter). Land already supplied comes first, then serviced land, then land contiguous with what is assigned, growing from built roads and infrastructure; each phase stays within its capacity, and the next phase opens when the previous one has supplied its threshold share of land. Units with a positive KFFQ keep that phase. Parameters come from a YAML file whose defaults are illustrative assumptions to be replaced by the zone's own figures.</translation>
    </message>
    <message>
      <source>要分期的单元（或地块）；YDMJ 为空时按几何量算 / units or plots to phase</source>
      <translation type="vanished">Units (or plots) to phase; an empty YDMJ is measured from the geometry</translation>
    </message>
    <message>
      <source>单元或地块图层</source>
      <translation type="vanished">Unit or plot layer</translation>
    </message>
    <message>
      <source>为每个地块填写控制指标（容积率上下限、建筑系数、建筑密度、绿地率上限、行政办公及生活服务设施用地比例、投资强度下限、建筑限高、产出强度、地均税收），并在 ZBLY 字段写明每项指标的来源。优先顺序：地块自有值 &gt; 覆盖表（按 DKBH、DYBH、HYDM、YDYHFLDM）&gt; 单元默认值 &gt; 组团默认值 &gt; 标准按行业 &gt; 标准按用地类别。行业代码按 GB/T 4754-2017 填写（如 C26、2611），自动对应到 2008 版表格所用的 2002 版大类。2008 版投资强度表的数值没有可查来源，留空；需要它的检查报告“未检查：无标准值”，不会当作通过。地方配置文件（YAML）可收紧或增加指标（可按万元/亩填写，自动×15 换算为万元/公顷），宽于国家约束性指标的值被拒绝。2020 试行版用地代码自动识别并迁移到 2023 版，无效代码给出最接近的有效代码。地区分类目前只接受 一类–七类；土地等别与地区分类的对应关系未核实，未内置。派生：计容建筑面积 JRJZMJ = 容积率下限 × 用地面积，最低固定资产投资 ZDTZE = 投资强度 × 公顷，预计产值 YJCZ、预计税收 YJSS。</source>
      <translation type="vanished">Fills each plot's controls (FAR bounds, building coefficient, density, green ratio, office/service land share, minimum investment intensity, height limit, output and tax per hectare) and records where each value came from in ZBLY. Precedence: the plot's own value &gt; overrides table (by DKBH, DYBH, HYDM, YDYHFLDM) &gt; unit default &gt; cluster default &gt; profile by industry &gt; profile by land-use class. Industry codes are GB/T 4754-2017 and are mapped to the 2002 divisions of the 2008 tables. The 2008 investment-intensity numbers are not available from any reachable source and are left empty: checks that need them report 'not checked', never a pass. A local YAML profile may tighten or add limits (per mu values are converted to per hectare); values looser than national mandatory ones are refused. 2020 trial land-use codes are detected and migrated; unknown codes get the nearest valid ones. Derived: JRJZMJ, ZDTZE, YJCZ and YJSS.</translation>
    </message>
    <message>
      <source>将地块与国土空间总体规划“一张图”比对：生态保护红线、永久基本农田（建设用地不得占用）、城镇开发边界（建设用地须位于其内）、规划分区（按可编辑的分区—用地兼容表）、任意其他管控图层（不得占用 / 须位于其内 / 接触即提示）以及 DEM 坡度（大于限值部分的比例）。各图层可为不同坐标系，统一投影到米制坐标系精确量算面积（与独立精确计算相差不超过 0.01 平方米）；同一图层内相互重叠的图斑不重复计算。小于容差的重叠和仅边界相接不算违规。提供了但为空或无法读取的图层，其规则标为“未检查”，不会当作通过。输出：带审查结论的地块（合规 / 不合规 / 需核实）、冲突图斑（地块 × 规则 × 管控要素）和可打印为 PDF 的中文 HTML 报告。“建设用地”按 resources/standards/construction_land_codes.csv 判定。</source>
      <translation type="vanished">Checks plots against the master plan's control lines: ecological red line and permanent basic farmland (construction land may not occupy them), urban development boundary (construction land must lie inside), planning zones (editable zone → land-use compatibility table), any other constraint layers (may not occupy / must lie inside / warn when touching) and DEM slope (share steeper than a limit). Layers may be in different CRSs; areas are exact in one projected metre CRS (within 0.01 m² of an independent exact computation) and overlapping polygons of one layer are not counted twice. Overlaps below the tolerance and edge contacts are not violations. A layer given but empty or unreadable makes its rule 'not checked', never a pass. Outputs: plots with a result (合规 / 不合规 / 需核实), conflict polygons (plot × rule × constraint feature) and a Chinese HTML report that prints to PDF.</translation>
    </message>
    <message>
      <source>将每个地块的控制指标与所选标准配置比对：容积率下限 ≥ 行业最低值、建筑系数 ≥ 下限、行政办公及生活服务设施用地比例 ≤ 7%、绿地率 ≤ 上限、投资强度 ≥ 地区分类 × 行业的最低值；标准无数值或地块未填写的指标报告“未检查”，不当作通过。组团层面：主导产业用地占组团工业用地比例 ≥ 60%（实施方案目标，来源未核实），并列示用地结构。每条结论注明所依据的标准、表和条款。输出与一张图审查相同：带审查结论的地块、问题图斑和同一格式的 HTML 报告。</source>
      <translation type="vanished">Checks each plot's controls against the chosen standards profile: FAR minimum ≥ the industry's minimum, building coefficient ≥ minimum, office/service land share ≤ 7%, green ratio ≤ maximum, investment intensity ≥ the minimum for region class × industry; values missing from the standard or from the plot are 'not checked', never a pass. Cluster level: the leading industry's share of the cluster's industrial land ≥ 60% (implementation-plan target, source unconfirmed), and the land-use structure. Every finding cites its standard, table and clause. Same outputs and report format as zutuan:checkmasterplan.</translation>
    </message>
    <message>
      <source>把地块图层导出为 Excel 工作簿：地块控制指标一览表（两行表头、单元小计、组团合计与总计、A3 横向打印设置）、单元与组团汇总、用地平衡表（建设用地/非建设用地，一级/二级类面积与比例），给定审查结果图层时另有审查结果表。合计均由未取整的数值计算；未设定的指标留空而不是填 0。可同时导出 UTF-8（带 BOM）CSV。先写临时文件再替换目标文件：目标文件被 Excel/WPS/LibreOffice 打开或目录不可写时报错，原文件不变。</source>
      <translation type="vanished">Exports the plots to an Excel workbook: the plot control-indicator table (two-row headers, unit subtotals, cluster totals and a grand total, A3 landscape print set-up), a unit and cluster summary, the land-use balance (construction / non-construction land, level-1/2 classes with shares) and, when a findings layer is given, the review findings. Totals are sums of unrounded values; controls that are not set stay empty, not zero. Optionally also a UTF-8 CSV with BOM. The file is written to a temporary file and then moved into place: if the target is open in another program or the folder is not writable the run fails and the old file is left unchanged.</translation>
    </message>
    <message>
      <source>为每个地块生成一页 A3 横向图则：地块及相邻地块、道路与标注（按用地用海一级类着色，本地块红色加粗），控制指标表（容积率、建筑系数、建筑密度、绿地率、限高、投资强度等，未设定显示“—”），指北针、比例尺、图例，图签（项目名称、编制单位、日期、图号）。输出一个多页 PDF，或每个地块一个 PDF（放在与输出文件同名的文件夹中）。无需图形界面，可在图形建模器和 qgis_process 中使用。</source>
      <translation type="vanished">Makes one A3 landscape plot sheet per plot: the plot with its neighbours, roads and labels (coloured by level-1 land-use class, the plot itself outlined in red), its control table (FAR, building coefficient and density, green ratio, height, investment intensity…; '—' where not set), north arrow, scale bar, legend and the title block (project, organisation, date, drawing number). Writes one multi-page PDF, or one PDF per plot into a folder named after the output file. Needs no screen: works in the Graphical Modeler and with qgis_process.</translation>
    </message>
    <message>
      <source>按 TD/T 1029-2017《开发区土地集约利用评价规程》计算全区和各组团的土地开发率、土地供应率、土地建成率、工业用地率、综合容积率、建筑密度、工业用地综合容积率、工业用地建筑系数、工业用地固定资产投入强度、工业用地地均税收、综合地均税收。“现状”方式从所选字段读取供地条件、建成状态、建筑面积、基底面积、固定资产和税收；“规划”方式按规划建成后计算，取控制指标下限（JRJZMJ/RJLXX、JZMDXX、JZXS、ZDTZE/TZQD、DJSS）。缺少的输入在表中标为“缺少输入”，不作假设。公式取自试行规程的实现，尚未与 TD/T 1029-2017 正文逐条核对（见 resources/feasibility/intensive_use.yaml）。</source>
      <translation type="vanished">Computes the TD/T 1029-2017 land intensive-use indicators of a development zone for the whole zone and for each cluster: land development, supply and built-up rates, industrial land share, floor-area ratio, building density, industrial floor-area ratio and building coefficient, industrial fixed-asset and tax intensity, and overall tax per hectare. 'Status' reads the fields you choose; 'plan' evaluates the plan at completion from the control minimums. Missing inputs are reported as such, never assumed. The formulas come from an implementation of the trial rules and are not yet checked against the standard.</translation>
    </message>
    <message>
      <source>地块编号所在字段 / field holding the plot code</source>
      <translation type="vanished">Field holding the plot code</translation>
    </message>
    <message>
      <source>2023 版用地用海代码所在字段，如 1001 / field holding the land-use code</source>
      <translation type="vanished">Field holding the 2023 land/sea-use code, e.g. 1001</translation>
    </message>
    <message>
      <source>地块编号所在字段 / plot code field</source>
      <translation type="vanished">Field holding the plot code</translation>
    </message>
    <message>
      <source>用地用海代码所在字段 / land-use code field</source>
      <translation type="vanished">Field holding the land/sea-use class code</translation>
    </message>
    <message>
      <source>GB/T 4754-2017 行业代码 / industry code field</source>
      <translation type="vanished">Field holding the GB/T 4754-2017 industry code</translation>
    </message>
    <message>
      <source>留空则由地块编号前缀推出 / empty: from the plot code prefix</source>
      <translation type="vanished">Empty: derived from the prefix of the plot code</translation>
    </message>
    <message>
      <source>地块（DKBH、YDYHFLDM、YDMJ、RJLXX…，见数据模型）/ plots with the schema fields</source>
      <translation type="vanished">Plots (DKBH, YDYHFLDM, YDMJ, RJLXX…, see the data model)</translation>
    </message>
    <message>
      <source>带 YDYHFLDM 用地代码的面图层 / polygons with the land-use code YDYHFLDM</source>
      <translation type="vanished">Polygons with the land/sea-use class code YDYHFLDM</translation>
    </message>
    <message>
      <source>取值“已供地” / value 已供地 means supplied</source>
      <translation type="vanished">The value 已供地 (supplied) marks supplied land</translation>
    </message>
    <message>
      <source>取值“已供地”的用地最先安排 / land marked 已供地 goes first</source>
      <translation type="vanished">Land marked 已供地 (supplied) is scheduled first</translation>
    </message>
  </context>
</TS>
