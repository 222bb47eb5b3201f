/* Charts of the KT-XH analysis: each element with data-chart names a json_script element
   holding {kind: line|bar|stacked|pie, labels, series:[{name, data}]}. The same figures are in the
   table on the page, which is what screen readers and printouts use. */
(function () {
  "use strict";
  if (!window.echarts) { return; }
  var colours = ["#1d4f91", "#8a1c1c", "#00703c", "#8a5300", "#4a4a4a"];
  var charts = [];
  // Numbers the Vietnamese way (1.234,5), as in the tables; English pages keep 1,234.5.
  var locale = document.documentElement.lang === "en" ? "en-GB" : "vi-VN";
  function number(value) {
    return typeof value === "number" ? value.toLocaleString(locale, { maximumFractionDigits: 2 }) : value;
  }
  document.querySelectorAll("[data-chart]").forEach(function (element) {
    var source = document.getElementById(element.getAttribute("data-chart"));
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var chart = window.echarts.init(element);
    var horizontal = element.getAttribute("data-orientation") === "horizontal";
    var option;
    if (data.kind === "pie") {
      option = {
        color: colours, animation: false, tooltip: { trigger: "item", valueFormatter: number },
        legend: { top: 0, textStyle: { color: "#1b1b1b" } },
        series: [{ type: "pie", radius: ["30%", "65%"], top: 30,
          data: data.series.map(function (s) { return { name: s.name, value: s.data }; }),
          label: { color: "#1b1b1b" } }]
      };
    } else {
      var categoryAxis = { type: "category", data: data.labels, axisLabel: { color: "#1b1b1b" } };
      var valueAxis = { type: "value", axisLabel: { color: "#1b1b1b", formatter: number } };
      option = {
        color: colours, animation: false, tooltip: { trigger: "axis", valueFormatter: number },
        legend: { top: 0, textStyle: { color: "#1b1b1b" } },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: horizontal ? valueAxis : categoryAxis,
        yAxis: horizontal ? Object.assign({ inverse: true }, categoryAxis) : valueAxis,
        series: data.series.map(function (s) {
          var item = { name: s.name, type: data.kind === "line" ? "line" : "bar", data: s.data,
            connectNulls: false, barMaxWidth: 48 };
          if (data.kind === "stacked") { item.stack = "total"; }
          return item;
        })
      };
    }
    chart.setOption(option);
    charts.push(chart);
  });
  window.addEventListener("resize", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
