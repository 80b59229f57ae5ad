// vd-merkle-bench [N]: the audit log's Merkle tree over N entries (1,000,000
// by default), next to SHA-256 alone over the same messages in the same run,
// and the cost of making and checking consistency and inclusion proofs.
// Times are CPU time of this process (user + sys), so a loaded machine
// stretches them less than wall time. Each entry is 32 bytes, as an audit
// entry's chain hash is (docs/audit-trail.md).
#include "merkletree.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTextStream>

#include <openssl/evp.h>

#include <ctime>
#include <vector>

namespace {

double cpuSeconds()
{
    timespec now;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

std::vector<QByteArray> entries(int count)
{
    std::vector<QByteArray> result;
    result.reserve(size_t(count));
    QRandomGenerator random(42);
    for (int i = 0; i < count; ++i) {
        QByteArray entry(32, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(entry.data()), 8);
        result.push_back(entry);
    }
    return result;
}

// The same messages the tree hashes (N of 33 bytes, N - 1 of 65), through
// EVP with one reused context, and nothing else.
double sha256Alone(const std::vector<QByteArray> &leaves)
{
    const EVP_MD *sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    unsigned char message[65] = {}, digest[32];
    unsigned int length = 0;
    const double start = cpuSeconds();
    for (const QByteArray &leaf : leaves) {
        message[0] = 0;
        memcpy(message + 1, leaf.constData(), 32);
        EVP_DigestInit_ex(context, sha256, nullptr);
        EVP_DigestUpdate(context, message, 33);
        EVP_DigestFinal_ex(context, digest, &length);
    }
    for (size_t i = 1; i < leaves.size(); ++i) {
        message[0] = 1;
        memcpy(message + 1, digest, 32);
        EVP_DigestInit_ex(context, sha256, nullptr);
        EVP_DigestUpdate(context, message, 65);
        EVP_DigestFinal_ex(context, digest, &length);
    }
    const double seconds = cpuSeconds() - start;
    EVP_MD_CTX_free(context);
    return seconds;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLatin1(argv[1]).toInt() : 1'000'000;
    QTextStream out(stdout);
    const std::vector<QByteArray> leaves = entries(count);

    const double shaSeconds = sha256Alone(leaves);
    out << "sha256 alone, " << count << " x 33 B + " << count - 1 << " x 65 B: " << shaSeconds << " s cpu ("
        << (2.0 * count - 1) / shaSeconds << " hashes/s)\n";

    double start = cpuSeconds();
    vd::MerkleFrontier frontier;
    for (const QByteArray &leaf : leaves)
        frontier.append(vd::merkle::leafHash(leaf));
    const vd::MerkleHash frontierRoot = frontier.root();
    const double frontierSeconds = cpuSeconds() - start;
    out << "root through the frontier (compact range): " << frontierSeconds << " s cpu, "
        << frontierSeconds / shaSeconds << " x sha256 alone\n";

    start = cpuSeconds();
    vd::MerkleTree tree;
    tree.reserve(std::uint64_t(count));
    for (const QByteArray &leaf : leaves)
        tree.appendEntry(leaf);
    const vd::MerkleHash treeRoot = tree.root();
    const double treeSeconds = cpuSeconds() - start;
    out << "root through the whole tree (every level kept): " << treeSeconds << " s cpu, "
        << treeSeconds / shaSeconds << " x sha256 alone; roots agree: " << (treeRoot == frontierRoot ? "yes" : "NO")
        << "\n";

    constexpr int kProofs = 10'000;
    QRandomGenerator random(7);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs;
    for (int i = 0; i < kProofs; ++i) {
        const std::uint64_t second = 2 + random.bounded(quint64(count - 1));
        pairs.emplace_back(1 + random.bounded(quint64(second - 1)), second);
    }
    std::vector<vd::MerkleHash> roots;
    for (const auto &[first, second] : pairs) {
        roots.push_back(tree.root(first));
        roots.push_back(tree.root(second));
    }
    start = cpuSeconds();
    std::vector<std::vector<vd::MerkleHash>> proofs;
    for (const auto &[first, second] : pairs)
        proofs.push_back(tree.consistencyProof(first, second));
    const double makeSeconds = cpuSeconds() - start;
    start = cpuSeconds();
    int verified = 0;
    size_t hashes = 0;
    for (int i = 0; i < kProofs; ++i) {
        verified += vd::merkle::verifyConsistency(pairs[i].first, pairs[i].second, roots[2 * i], roots[2 * i + 1],
                                                  proofs[i]);
        hashes += proofs[i].size();
    }
    const double checkSeconds = cpuSeconds() - start;
    out << "consistency proofs in a tree of " << count << ": made " << makeSeconds / kProofs * 1e6
        << " us each, checked " << checkSeconds / kProofs * 1e6 << " us each (" << double(hashes) / kProofs
        << " hashes a proof on average); " << verified << " of " << kProofs << " verified\n";

    start = cpuSeconds();
    int included = 0;
    for (int i = 0; i < kProofs; ++i) {
        const std::uint64_t index = random.bounded(quint64(count));
        included += vd::merkle::verifyInclusion(index, tree.size(), tree.leaf(index),
                                                tree.inclusionProof(index, tree.size()), treeRoot);
    }
    const double inclusionSeconds = cpuSeconds() - start;
    out << "inclusion proofs, made and checked: " << inclusionSeconds / kProofs * 1e6 << " us each; " << included
        << " of " << kProofs << " verified\n";
    return verified == kProofs && included == kProofs && treeRoot == frontierRoot ? 0 : 1;
}
