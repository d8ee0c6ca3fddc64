package org.stimtrial.analysis.report;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** Native Excel line charts over table columns already written on the sheet. */
final class Charts {
    private Charts() {
    }

    /**
     * A line chart: categories from {@code categoryColumn}, one series per column in {@code seriesColumns}, over
     * rows {@code firstRow..lastRow}; series names from the header row above {@code firstRow}.
     */
    static XSSFChart line(XSSFSheet sheet, String title, String xTitle, String yTitle, int firstRow, int lastRow,
                          int categoryColumn, List<Integer> seriesColumns, List<String> names, int anchorColumn,
                          int anchorRow) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, anchorColumn, anchorRow, anchorColumn + 10,
                anchorRow + 22);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        x.setTitle(xTitle);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setTitle(yTitle);
        CellRangeAddress categoryRange = new CellRangeAddress(firstRow, lastRow, categoryColumn, categoryColumn);
        XDDFDataSource<?> categories = sheet.getRow(firstRow).getCell(categoryColumn).getCellType()
                == org.apache.poi.ss.usermodel.CellType.NUMERIC
                ? XDDFDataSourcesFactory.fromNumericCellRange(sheet, categoryRange)
                : XDDFDataSourcesFactory.fromStringCellRange(sheet, categoryRange);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        for (int i = 0; i < seriesColumns.size(); i++) {
            int c = seriesColumns.get(i);
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(firstRow, lastRow, c, c));
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(categories, values);
            series.setTitle(names.get(i), null);
            series.setSmooth(false);
            series.setMarkerStyle(MarkerStyle.CIRCLE);
        }
        chart.plot(data);
        return chart;
    }
}
