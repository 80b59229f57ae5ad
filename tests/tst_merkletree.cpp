// RFC 6962 Merkle trees: the Certificate Transparency / Trillian reference
// vectors (transparency-dev/merkle proof/verify_test.go), then properties over
// every leaf and every earlier size against the RFC's recursive definition.
#include "merkletree.h"

#include <QTest>

#include <bit>

using vd::MerkleFrontier;
using vd::MerkleHash;
using vd::MerkleTree;
namespace merkle = vd::merkle;

Q_DECLARE_METATYPE(std::vector<MerkleHash>)

namespace {

MerkleHash hex(const char *text)
{
    MerkleHash hash;
    const QByteArray bytes = QByteArray::fromHex(text);
    if (!merkle::fromBytes(bytes, &hash))
        qFatal("not a 32-byte hash: %s", text);
    return hash;
}

std::vector<MerkleHash> hexes(std::initializer_list<const char *> texts)
{
    std::vector<MerkleHash> hashes;
    for (const char *text : texts)
        hashes.push_back(hex(text));
    return hashes;
}

const char *const kEntries[] = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                                "606162636465666768696a6b6c6d6e6f"};

// The roots of the trees of the first 1..8 entries.
const char *const kRoots[] = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};

MerkleTree referenceTree()
{
    MerkleTree tree;
    for (const char *entry : kEntries)
        tree.appendEntry(QByteArray::fromHex(entry));
    return tree;
}

MerkleHash root(std::uint64_t size)
{
    return hex(kRoots[size - 1]);
}

// MTH straight from RFC 6962 §2.1, recursively over the leaf hashes.
MerkleHash definitionRoot(const std::vector<MerkleHash> &leaves, size_t begin, size_t end)
{
    if (end == begin)
        return merkle::emptyRoot();
    if (end - begin == 1)
        return leaves[begin];
    const size_t k = std::bit_floor(end - begin - 1);
    return merkle::nodeHash(definitionRoot(leaves, begin, begin + k), definitionRoot(leaves, begin + k, end));
}

std::vector<MerkleHash> syntheticLeaves(int count)
{
    std::vector<MerkleHash> leaves;
    for (int i = 0; i < count; ++i)
        leaves.push_back(merkle::leafHash(QByteArray::number(i * 7919)));
    return leaves;
}

MerkleTree treeOf(const std::vector<MerkleHash> &leaves)
{
    MerkleTree tree;
    for (const MerkleHash &leaf : leaves)
        tree.append(leaf);
    return tree;
}

MerkleHash flipped(MerkleHash hash, int bit)
{
    hash[0] ^= std::uint8_t(1u << bit);
    return hash;
}

} // namespace

class TestMerkleTree : public QObject
{
    Q_OBJECT

private slots:
    void emptyTreeIsTheHashOfNothing()
    {
        QCOMPARE(merkle::bytes(merkle::emptyRoot()).toHex(),
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(MerkleTree().root(), merkle::emptyRoot());
        QCOMPARE(MerkleFrontier().root(), merkle::emptyRoot());
    }

    void rootsMatchTheReferenceVectors()
    {
        const MerkleTree tree = referenceTree();
        MerkleFrontier frontier;
        for (std::uint64_t size = 1; size <= 8; ++size) {
            frontier.append(tree.leaf(size - 1));
            QCOMPARE(merkle::bytes(tree.root(size)).toHex(), QByteArray(kRoots[size - 1]));
            QCOMPARE(merkle::bytes(frontier.root()).toHex(), QByteArray(kRoots[size - 1]));
        }
    }

    void inclusionProofsMatchTheReferenceVectors_data()
    {
        QTest::addColumn<quint64>("index");
        QTest::addColumn<quint64>("size");
        QTest::addColumn<std::vector<MerkleHash>>("proof");
        QTest::newRow("0 of 1") << quint64(0) << quint64(1) << std::vector<MerkleHash>{};
        QTest::newRow("0 of 8") << quint64(0) << quint64(8)
                                << hexes({"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                                          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"});
        QTest::newRow("5 of 8") << quint64(5) << quint64(8)
                                << hexes({"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                                          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"});
        QTest::newRow("2 of 3") << quint64(2) << quint64(3)
                                << hexes({"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"});
        QTest::newRow("1 of 5") << quint64(1) << quint64(5)
                                << hexes({"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                                          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"});
    }

    void inclusionProofsMatchTheReferenceVectors()
    {
        QFETCH(quint64, index);
        QFETCH(quint64, size);
        QFETCH(std::vector<MerkleHash>, proof);
        const MerkleTree tree = referenceTree();
        QVERIFY(tree.inclusionProof(index, size) == proof);
        QVERIFY(merkle::verifyInclusion(index, size, tree.leaf(index), proof, root(size)));
    }

    void consistencyProofsMatchTheReferenceVectors_data()
    {
        QTest::addColumn<quint64>("first");
        QTest::addColumn<quint64>("second");
        QTest::addColumn<std::vector<MerkleHash>>("proof");
        QTest::newRow("1 to 1") << quint64(1) << quint64(1) << std::vector<MerkleHash>{};
        QTest::newRow("1 to 8") << quint64(1) << quint64(8)
                                << hexes({"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                                          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"});
        QTest::newRow("6 to 8") << quint64(6) << quint64(8)
                                << hexes({"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                                          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"});
        QTest::newRow("2 to 5") << quint64(2) << quint64(5)
                                << hexes({"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"});
        QTest::newRow("6 to 7") << quint64(6) << quint64(7)
                                << hexes({"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                                          "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                                          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"});
    }

    void consistencyProofsMatchTheReferenceVectors()
    {
        QFETCH(quint64, first);
        QFETCH(quint64, second);
        QFETCH(std::vector<MerkleHash>, proof);
        const MerkleTree tree = referenceTree();
        QVERIFY(tree.consistencyProof(first, second) == proof);
        QVERIFY(merkle::verifyConsistency(first, second, root(first), root(second), proof));
    }

    // The probes of transparency-dev's corruptConsistencyProof: none may pass.
    void corruptedConsistencyProofsFail()
    {
        const MerkleTree tree = referenceTree();
        for (std::uint64_t first = 1; first < 8; ++first) {
            for (std::uint64_t second = first + 1; second <= 8; ++second) {
                const auto proof = tree.consistencyProof(first, second);
                const MerkleHash r1 = root(first), r2 = root(second);
                QVERIFY(merkle::verifyConsistency(first, second, r1, r2, proof));
                QVERIFY(!merkle::verifyConsistency(first - 1, second, r1, r2, proof));
                QVERIFY(!merkle::verifyConsistency(first + 1, second, r1, r2, proof));
                QVERIFY(!merkle::verifyConsistency(first ^ 2, second, r1, r2, proof));
                QVERIFY(!merkle::verifyConsistency(first, second * 2, r1, r2, proof));
                QVERIFY(!merkle::verifyConsistency(first, second / 2, r1, r2, proof));
                QVERIFY(!merkle::verifyConsistency(first, second, r2, r1, proof));
                QVERIFY(!merkle::verifyConsistency(first, second, flipped(r1, 1), r2, proof));
                QVERIFY(!merkle::verifyConsistency(first, second, r1, flipped(r2, 1), proof));
                QVERIFY(!merkle::verifyConsistency(first, second, r1, r2, {}));
                auto longer = proof;
                longer.push_back(r1);
                QVERIFY(!merkle::verifyConsistency(first, second, r1, r2, longer));
                auto preceded = proof;
                preceded.insert(preceded.begin(), proof.front());
                QVERIFY(!merkle::verifyConsistency(first, second, r1, r2, preceded));
                auto truncated = proof;
                truncated.pop_back();
                QVERIFY(!merkle::verifyConsistency(first, second, r1, r2, truncated));
                for (size_t i = 0; i < proof.size(); ++i) {
                    auto modified = proof;
                    modified[i] = flipped(modified[i], 4);
                    QVERIFY2(!merkle::verifyConsistency(first, second, r1, r2, modified),
                             qPrintable(QStringLiteral("%1 to %2, proof[%3] changed").arg(first).arg(second).arg(i)));
                }
            }
        }
    }

    void consistencyEdgeCases()
    {
        const MerkleHash a = root(1), b = root(2);
        QVERIFY(merkle::verifyConsistency(0, 0, a, a, {}));
        QVERIFY(merkle::verifyConsistency(0, 5, a, b, {}));
        QVERIFY(merkle::verifyConsistency(3, 3, b, b, {}));
        QVERIFY(!merkle::verifyConsistency(3, 3, a, b, {}));
        QVERIFY(!merkle::verifyConsistency(3, 3, b, b, {a}));
        QVERIFY(!merkle::verifyConsistency(2, 1, a, b, {}));
        QVERIFY(!merkle::verifyConsistency(1, 2, a, b, {}));
        QVERIFY(!merkle::verifyConsistency(0, 1, a, b, {a}));
    }

    void inclusionEdgeCases()
    {
        const MerkleHash leaf = merkle::leafHash("data");
        QVERIFY(merkle::verifyInclusion(0, 1, leaf, {}, leaf));
        QVERIFY(!merkle::verifyInclusion(0, 0, leaf, {}, leaf));
        QVERIFY(!merkle::verifyInclusion(1, 1, leaf, {}, leaf));
        QVERIFY(!merkle::verifyInclusion(0, 1, leaf, {}, merkle::emptyRoot()));
        QVERIFY(!merkle::verifyInclusion(0, 1, leaf, {leaf}, leaf));
    }

    // Every leaf of every tree up to 70 leaves: the proof the tree gives
    // leads to the root of the RFC's definition, and to nothing else.
    void everyInclusionProofVerifies()
    {
        const std::vector<MerkleHash> leaves = syntheticLeaves(70);
        const MerkleTree tree = treeOf(leaves);
        for (std::uint64_t size = 1; size <= leaves.size(); ++size) {
            const MerkleHash expected = definitionRoot(leaves, 0, size);
            QCOMPARE(tree.root(size), expected);
            for (std::uint64_t index = 0; index < size; ++index) {
                const auto proof = tree.inclusionProof(index, size);
                QVERIFY(merkle::verifyInclusion(index, size, leaves[index], proof, expected));
                QVERIFY(!merkle::verifyInclusion(index, size, flipped(leaves[index], 0), proof, expected));
                if (size > 1) {
                    QVERIFY(!merkle::verifyInclusion((index + 1) % size, size, leaves[index], proof, expected));
                    auto modified = proof;
                    modified.back() = flipped(modified.back(), 3);
                    QVERIFY(!merkle::verifyInclusion(index, size, leaves[index], modified, expected));
                }
            }
        }
    }

    // Every earlier size of every tree up to 70 leaves.
    void everyConsistencyProofVerifies()
    {
        const std::vector<MerkleHash> leaves = syntheticLeaves(70);
        const MerkleTree tree = treeOf(leaves);
        for (std::uint64_t second = 1; second <= leaves.size(); ++second) {
            const MerkleHash secondRoot = definitionRoot(leaves, 0, second);
            for (std::uint64_t first = 1; first <= second; ++first) {
                const MerkleHash firstRoot = definitionRoot(leaves, 0, first);
                const auto proof = tree.consistencyProof(first, second);
                QVERIFY(merkle::verifyConsistency(first, second, firstRoot, secondRoot, proof));
                if (first == second)
                    continue;
                // A first tree with one leaf rewritten is not a prefix of the second.
                std::vector<MerkleHash> rewritten(leaves.begin(), leaves.begin() + first);
                rewritten[first / 2] = flipped(rewritten[first / 2], 2);
                QVERIFY(!merkle::verifyConsistency(first, second, definitionRoot(rewritten, 0, first), secondRoot,
                                                   proof));
            }
        }
    }

    void frontierAgreesWithTheTreeAtEverySize()
    {
        const std::vector<MerkleHash> leaves = syntheticLeaves(300);
        MerkleTree tree;
        MerkleFrontier frontier;
        for (const MerkleHash &leaf : leaves) {
            tree.append(leaf);
            frontier.append(leaf);
            QCOMPARE(frontier.size(), tree.size());
            QCOMPARE(frontier.root(), tree.root());
        }
        QCOMPARE(tree.root(), definitionRoot(leaves, 0, leaves.size()));
    }

    void sizesBeyondTheTreeAreRefused()
    {
        const MerkleTree tree = referenceTree();
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, tree.root(9));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, tree.inclusionProof(8, 8));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, tree.inclusionProof(0, 9));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, tree.consistencyProof(5, 4));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, tree.consistencyProof(1, 9));
    }
};

QTEST_GUILESS_MAIN(TestMerkleTree)
#include "tst_merkletree.moc"
