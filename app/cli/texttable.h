#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace vd::cli {

// Columns a terminal (monospaced) aligns by width: Chinese characters and
// other East Asian wide characters take two cells, combining marks none.
int displayWidth(QStringView text);
// The text cut to at most `width` cells, ending in "…" when it was cut.
QString elided(const QString &text, int width);

// A table for the terminal: a heading row, a rule, and rows, with columns
// padded to their widest cell (up to a maximum, beyond which cells are cut).
class TextTable
{
public:
    enum class Align { Left, Right };

    void addColumn(const QString &heading, Align align = Align::Left, int maxWidth = 0);
    void addRow(const QStringList &cells);
    bool isEmpty() const { return m_rows.isEmpty(); }
    void print(QTextStream &out) const;

private:
    struct Column
    {
        QString heading;
        Align align;
        int maxWidth;
    };
    QList<Column> m_columns;
    QList<QStringList> m_rows;
};

} // namespace vd::cli
