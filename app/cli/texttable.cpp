#include "texttable.h"

#include <algorithm>

namespace vd::cli {

namespace {

// Cells a code point takes in a terminal, after Unicode's East Asian Width (wide and fullwidth ranges).
int cellsOf(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing || category == QChar::Other_Format)
        return 0;
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    return wide ? 2 : 1;
}

QString padded(const QString &text, int width, TextTable::Align align)
{
    const QString fill(std::max(0, width - displayWidth(text)), u' ');
    return align == TextTable::Align::Left ? text + fill : fill + text;
}

} // namespace

int displayWidth(QStringView text)
{
    int width = 0;
    for (const uint c : text.toUcs4())
        width += cellsOf(c);
    return width;
}

QString elided(const QString &text, int width)
{
    if (displayWidth(text) <= width)
        return text;
    QString cut;
    int used = 0;
    for (const uint c : text.toUcs4()) {
        const int cells = cellsOf(c);
        if (used + cells > width - 1)
            break;
        const char32_t codePoint = c;
        cut += QString::fromUcs4(&codePoint, 1);
        used += cells;
    }
    return cut + u'…';
}

void TextTable::addColumn(const QString &heading, Align align, int maxWidth)
{
    m_columns.append({heading, align, maxWidth});
}

void TextTable::addRow(const QStringList &cells)
{
    QStringList row;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const QString cell = i < cells.size() ? cells[i] : QString();
        row.append(m_columns[i].maxWidth > 0 ? elided(cell, m_columns[i].maxWidth) : cell);
    }
    m_rows.append(row);
}

void TextTable::print(QTextStream &out) const
{
    QList<int> widths;
    for (const Column &column : m_columns)
        widths.append(displayWidth(column.heading));
    for (const QStringList &row : m_rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    const auto printRow = [&](const QStringList &cells, bool heading) {
        QStringList line;
        for (qsizetype i = 0; i < cells.size(); ++i)
            line.append(padded(cells[i], widths[i], heading ? Align::Left : m_columns[i].align));
        QString text = line.join(QStringLiteral("  "));
        while (text.endsWith(u' ')) // no padding after the last column
            text.chop(1);
        out << text << '\n';
    };
    QStringList headings, rules;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        headings.append(m_columns[i].heading);
        rules.append(QString(widths[i], u'-'));
    }
    printRow(headings, true);
    out << rules.join(QStringLiteral("  ")) << '\n';
    for (const QStringList &row : m_rows)
        printRow(row, false);
}

} // namespace vd::cli
