#!/usr/bin/env python3
"""Client side of scripts/bench/structure_search.sh: stores N seizures with structures through the API, then
times structure searches (wall clock per request, on loopback) and prints one JSON line per query.

    structure_search.py URL KEY SMILES_FILE N RUNS

SMILES_FILE: tab-separated, SMILES in the first column, `#` lines skipped (the ChEMBL sample the fingerprint
tests use). Each seizure holds one structure; the first N readable rows are stored (a row the server refuses is
counted and skipped). Standard library only.
"""
import json
import statistics
import sys
import time
import urllib.error
import urllib.request

SMARTS = [
    ('benzene', 'c1ccccc1'),
    ('4-anilidopiperidine', 'c1ccccc1N(C(=O)[#6])C1CCNCC1'),
    ('tertiary aliphatic amine (recursive)', '[NX3;H0;!$(NC=O);!$(N-a)]'),
    ('carboxylic acid', 'C(=O)[OH]'),
    ('steroid core', 'C1CCC2C(C1)CCC1C2CCC2CCCC12'),
]
SIMILAR = [
    ('fentanyl >= 0.7', {'similar_to': 'CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1', 'threshold': 0.7}),
    ('fentanyl top 10', {'similar_to': 'CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1', 'threshold': 0.0, 'top': 10}),
    ('testosterone >= 0.4', {'similar_to': 'C[C@]12CC[C@H]3[C@@H](CCC4=CC(=O)CC[C@@]43C)[C@@H]1CC[C@@H]2O', 'threshold': 0.4}),
]


def call(url, key, path, body):
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method='POST',
                                     headers={'Authorization': 'Bearer ' + key, 'Content-Type': 'application/json'})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b'{}')


def main():
    url, key, smiles_file, count, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    stored = refused = 0
    started = time.perf_counter()
    with open(smiles_file, encoding='utf-8') as f:
        for line in f:
            if stored >= count:
                break
            if line.startswith('#') or not line.strip():
                continue
            smiles = line.split('\t')[0].strip()
            body = {'distribution': {'level': 'partners'}, 'tlp': 'amber', 'date': '2025-03-01',
                    'place': {'country': 'US'}, 'substances': [{'smiles': smiles}]}
            status, _ = call(url, key, '/api/v1/seizures', body)
            if status == 201:
                stored += 1
            else:
                refused += 1
    elapsed = time.perf_counter() - started
    print(json.dumps({'measure': 'store seizures with one structure each (sequential POST)', 'stored': stored,
                      'refused': refused, 'seconds': round(elapsed, 2), 'per_second': round(stored / elapsed, 1)}))
    queries = [(name, {'smarts': s}) for name, s in SMARTS] + SIMILAR
    for name, query in queries:
        body = dict(query, limit=50)
        status, reply = call(url, key, '/api/v1/search/structure', body)  # warm-up (and key backfill, if any)
        if status != 200:
            print(json.dumps({'query': name, 'error': reply}))
            continue
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            call(url, key, '/api/v1/search/structure', body)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        print(json.dumps({'query': name, 'searched': reply['searched'], 'screened': reply.get('screened'),
                          'matched': reply['matched'], 'median_ms': round(statistics.median(times), 1),
                          'p90_ms': round(times[int(0.9 * (len(times) - 1))], 1), 'runs': runs}))


if __name__ == '__main__':
    main()
