// libvd-sql-trace.so: every SQL statement a program runs that takes longer
// than a threshold, with its values bound, as SQLite ran it. Loaded before the
// program, it watches each SQLite connection the program opens:
//   VD_SQL_TRACE=trace.log VD_SQL_TRACE_MIN_MS=5 LD_PRELOAD=build/bin/libvd-sql-trace.so build/bin/vd-queue-probe …
// Each entry is "=== N ms" and the statement; VD_SQL_TRACE_STARTS=1 writes
// "--- start" and each statement as it starts too, so that a statement that
// never ends is the last one written. bench/query-plans.py then prints the
// plan of the slowest statement of each shape.
#include <sqlite3.h>

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

FILE *traceFile()
{
    static FILE *file = [] {
        const char *path = std::getenv("VD_SQL_TRACE");
        return std::fopen(path ? path : "vd-sql-trace.log", "a");
    }();
    return file;
}

double thresholdMs()
{
    static const double threshold = [] {
        const char *value = std::getenv("VD_SQL_TRACE_MIN_MS");
        return value ? std::atof(value) : 5.0;
    }();
    return threshold;
}

void writeStatement(FILE *file, const char *heading, sqlite3_stmt *statement)
{
    char *expanded = sqlite3_expanded_sql(statement);
    std::fprintf(file, "%s\n%s\n", heading, expanded ? expanded : sqlite3_sql(statement));
    std::fflush(file);
    sqlite3_free(expanded);
}

int onTrace(unsigned type, void *, void *statement, void *detail)
{
    FILE *file = traceFile();
    if (!file)
        return 0;
    auto *prepared = static_cast<sqlite3_stmt *>(statement);
    if (type == SQLITE_TRACE_STMT) {
        writeStatement(file, "--- start", prepared);
    } else if (type == SQLITE_TRACE_PROFILE) {
        const double ms = double(*static_cast<sqlite3_int64 *>(detail)) / 1e6;
        if (ms >= thresholdMs()) {
            char heading[64];
            std::snprintf(heading, sizeof heading, "=== %.2f ms", ms);
            writeStatement(file, heading, prepared);
        }
    }
    return 0;
}

using OpenFunction = int (*)(const char *, sqlite3 **, int, const char *);

} // namespace

// Qt's SQLite driver opens its connections through sqlite3_open_v2.
extern "C" int sqlite3_open_v2(const char *file, sqlite3 **connection, int flags, const char *vfs)
{
    static const OpenFunction open = [] {
        OpenFunction function = nullptr;
        void *symbol = dlsym(RTLD_NEXT, "sqlite3_open_v2");
        std::memcpy(&function, &symbol, sizeof function);
        return function;
    }();
    const int result = open(file, connection, flags, vfs);
    if (result == SQLITE_OK) {
        const unsigned events = SQLITE_TRACE_PROFILE | (std::getenv("VD_SQL_TRACE_STARTS") ? SQLITE_TRACE_STMT : 0u);
        sqlite3_trace_v2(*connection, events, onTrace, nullptr);
    }
    return result;
}
