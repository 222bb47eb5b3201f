/* A ranking run's charts: the total score of each agency, and its weighted points per
   criterion stacked. The same figures are in the table under them. */
(function () {
  "use strict";
  if (!window.echarts) { return; }
  var palette = ["#1d4f91", "#b3261e", "#2e7d32", "#8a4f00", "#6a1b9a", "#00695c",
                 "#37474f", "#ad1457"];
  document.querySelectorAll("[data-ranking-chart]").forEach(function (element) {
    var source = document.getElementById(element.getAttribute("data-source"));
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var stacked = element.getAttribute("data-ranking-chart") === "criteria";
    var series = stacked
      ? data.criteria.map(function (c) {
          return { name: c.name, type: "bar", stack: "points", data: c.data, barMaxWidth: 40 };
        })
      : [{ name: data.total_name, type: "bar", data: data.totals, barMaxWidth: 40 }];
    var chart = window.echarts.init(element);
    chart.setOption({
      color: palette, animation: false,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, type: "scroll", textStyle: { color: "#1b1b1b" } },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.labels,
               axisLabel: { color: "#1b1b1b", rotate: 30, interval: 0 } },
      yAxis: { type: "value", max: 100, axisLabel: { color: "#1b1b1b" } },
      series: series
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
