#include "requestrate.h"

#include <QtTest>

using vd::RequestRate;
using namespace std::chrono_literals;

class TestRequestRate : public QObject
{
    Q_OBJECT

private slots:
    void aBurstIsAdmittedAndTheNextRequestIsNot();
    void tokensComeBackAtTheRate();
    void eachClientHasItsOwnBucket();
    void anIdleClientIsForgottenWithAFullBucket();
};

void TestRequestRate::aBurstIsAdmittedAndTheNextRequestIsNot()
{
    RequestRate rate(10, 3);
    const auto now = RequestRate::Clock::now();
    QCOMPARE(rate.admit("a", now), true);
    QCOMPARE(rate.admit("a", now), true);
    QCOMPARE(rate.admit("a", now), true);
    QCOMPARE(rate.admit("a", now), false);
}

void TestRequestRate::tokensComeBackAtTheRate()
{
    RequestRate rate(10, 1);
    const auto start = RequestRate::Clock::now();
    QCOMPARE(rate.admit("a", start), true);
    QCOMPARE(rate.admit("a", start + 50ms), false);  // half a token
    QCOMPARE(rate.admit("a", start + 100ms), true);  // one again
    QCOMPARE(rate.admit("a", start + 110ms), false);
}

void TestRequestRate::eachClientHasItsOwnBucket()
{
    RequestRate rate(1, 1);
    const auto now = RequestRate::Clock::now();
    QCOMPARE(rate.admit("a", now), true);
    QCOMPARE(rate.admit("a", now), false);
    QCOMPARE(rate.admit("b", now), true);
}

void TestRequestRate::anIdleClientIsForgottenWithAFullBucket()
{
    RequestRate rate(1, 2);
    const auto start = RequestRate::Clock::now() + 2min; // past the first sweep
    QCOMPARE(rate.admit("a", start), true);
    QCOMPARE(rate.admit("a", start), true);
    QCOMPARE(rate.admit("a", start), false);
    const auto later = start + 5min;
    QCOMPARE(rate.admit("b", later), true); // sweeps "a" away
    QCOMPARE(rate.admit("a", later), true);
    QCOMPARE(rate.admit("a", later), true);
    QCOMPARE(rate.admit("a", later), false);
}

QTEST_GUILESS_MAIN(TestRequestRate)
#include "tst_requestrate.moc"
