<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
  <context>
    <name>zutuan</name>
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
      <source>计算用地面积</source>
      <translation>计算用地面积</translation>
    </message>
    <message>
      <source>在投影米制坐标系中计算每个面要素的用地面积，写入 YDMJ（平方米）、MJGQ（公顷）、MJMU（亩）。经纬度数据（CGCS2000 或 WGS 84）自动投影到所在的 CGCS2000 三度带高斯-克吕格坐标系量算；无坐标系的图层被拒绝；无效几何自动修复并提示，空几何跳过。输入图层不会被修改。1 公顷 = 10000 平方米 = 15 亩。</source>
      <translation>在投影米制坐标系中计算每个面要素的用地面积，写入 YDMJ（平方米）、MJGQ（公顷）、MJMU（亩）。经纬度数据（CGCS2000 或 WGS 84）自动投影到所在的 CGCS2000 三度带高斯-克吕格坐标系量算；无坐标系的图层被拒绝；无效几何自动修复并提示，空几何跳过。输入图层不会被修改。1 公顷 = 10000 平方米 = 15 亩。</translation>
    </message>
    <message>
      <source>输入面图层</source>
      <translation>输入面图层</translation>
    </message>
    <message>
      <source>要量算面积的面图层（组团、单元、地块或任意面） / polygons to measure</source>
      <translation>要量算面积的面图层（组团、单元、地块或任意面） / polygons to measure</translation>
    </message>
    <message>
      <source>量算坐标系（留空自动选择）</source>
      <translation>量算坐标系（留空自动选择）</translation>
    </message>
    <message>
      <source>留空：投影坐标系用其本身，经纬度用所在 CGCS2000 三度带 / empty: automatic</source>
      <translation>留空：投影坐标系用其本身，经纬度用所在 CGCS2000 三度带 / empty: automatic</translation>
    </message>
    <message>
      <source>带面积的图层</source>
      <translation>带面积的图层</translation>
    </message>
    <message>
      <source>输入要素及面积字段 YDMJ、MJGQ、MJMU / input features with area fields</source>
      <translation>输入要素及面积字段 YDMJ、MJGQ、MJMU / input features with area fields</translation>
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
      <source>新建规划数据库</source>
      <translation>新建规划数据库</translation>
    </message>
    <message>
      <source>新建一个规划 GeoPackage，含组团（zutuan）、单元（danyuan）、地块（dikuai）三个面图层和元数据表（plan_metadata：项目名称、编制单位、基准年〔默认 2019〕、地区分类、标准配置、坐标系）。字段名采用拼音首字母，中文别名，详见 docs/SCHEMA.md。可选输入已有组团面，按投影米制坐标系写入并量算 YDMJ。坐标系须为投影米制坐标系（推荐 CGCS2000 三度带）；经纬度组团自动投影到所在三度带。</source>
      <translation>新建一个规划 GeoPackage，含组团（zutuan）、单元（danyuan）、地块（dikuai）三个面图层和元数据表（plan_metadata：项目名称、编制单位、基准年〔默认 2019〕、地区分类、标准配置、坐标系）。字段名采用拼音首字母，中文别名，详见 docs/SCHEMA.md。可选输入已有组团面，按投影米制坐标系写入并量算 YDMJ。坐标系须为投影米制坐标系（推荐 CGCS2000 三度带）；经纬度组团自动投影到所在三度带。</translation>
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
      <source>3 年、5 年目标的基准年，默认 2019 / base year of the targets</source>
      <translation>3 年、5 年目标的基准年，默认 2019 / base year of the targets</translation>
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
      <source>基准年</source>
      <translation>基准年</translation>
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
      <source>全部地块</source>
      <translation>全部地块</translation>
    </message>
    <message>
      <source>小组团规划</source>
      <translation>小组团规划</translation>
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
      <source>控制指标编辑（所选地块）</source>
      <translation>控制指标编辑（所选地块）</translation>
    </message>
    <message>
      <source>（不修改）</source>
      <translation>（不修改）</translation>
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
      <source>所选地块</source>
      <translation>所选地块</translation>
    </message>
    <message>
      <source>赋值控制指标</source>
      <translation>赋值控制指标</translation>
    </message>
    <message>
      <source>单元图层</source>
      <translation>单元图层</translation>
    </message>
    <message>
      <source>地块图层</source>
      <translation>地块图层</translation>
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
      <source>完成</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>请先选择地块并填写要修改的指标</source>
      <translation>请先选择地块并填写要修改的指标</translation>
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
      <source>块</source>
      <translation>块</translation>
    </message>
    <message>
      <source>公顷</source>
      <translation>公顷</translation>
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
      <source>算法不可用</source>
      <translation>算法不可用</translation>
    </message>
    <message>
      <source>运行失败</source>
      <translation>运行失败</translation>
    </message>
    <message>
      <source>地块图层缺少字段</source>
      <translation>地块图层缺少字段</translation>
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
