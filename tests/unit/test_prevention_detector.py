"""The problem-candidate detector scored on the labelled fixture (tests/prevention_fixture.py): recurring
faults titled in paraphrased Korean and English among unrelated noise and faults that recur too slowly."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.workflow.prevention.candidates import DEFAULTS, Row, group_rows, similarity, tokens
from tests.prevention_fixture import APPLICATIONS, build, expected, score

NOW = datetime(2026, 6, 30, 9, 0)
APP_IDS = {code: i for i, code in enumerate(sorted(APPLICATIONS), start=1)}
NAMES = {APP_IDS[code]: names for code, names in APPLICATIONS.items()}


def _groups(seed: int, **conf):
    incidents = build(seed=seed, now=NOW)
    rows = [Row(f.key, f"INC-{f.key}", f.title, f.cause, APP_IDS[f.application], f.registered_at, None,
                f.registered_at + timedelta(minutes=90), "closed") for f in incidents]
    groups = group_rows(rows, {**DEFAULTS, **conf}, NOW, names=NAMES)
    return groups, expected(incidents)


def test_precision_and_recall_over_ten_fixtures_with_the_defaults():
    precision = recall = 0.0
    seeds = range(1, 11)
    for seed in seeds:
        groups, truth = _groups(seed)
        p, r = score([set(g.case_ids) for g in groups], truth)
        precision += p / len(seeds)
        recall += r / len(seeds)
    print(f"\nproblem candidates, defaults {DEFAULTS}: precision {precision:.2f}, recall {recall:.2f} "
          f"(pairwise, mean of {len(seeds)} fixtures)")
    assert precision >= 0.90
    assert recall >= 0.80


def test_a_stricter_similarity_trades_recall_for_precision():
    loose = strict = (0.0, 0.0)
    for seed in range(1, 6):
        for conf, acc in ((0.3, "loose"), (0.6, "strict")):
            groups, truth = _groups(seed, min_similarity=conf)
            p, r = score([set(g.case_ids) for g in groups], truth)
            if acc == "loose":
                loose = (loose[0] + p, loose[1] + r)
            else:
                strict = (strict[0] + p, strict[1] + r)
    assert strict[0] >= loose[0] and strict[1] < loose[1]


def test_faults_that_recur_too_slowly_or_too_few_are_no_candidate():
    groups, _truth = _groups(21, min_incidents=8)
    assert groups == []
    groups, _truth = _groups(21)
    slow = {"인터넷뱅킹 접속 지연", "카드 명세서 출력 오류"}
    assert not any(slow & {i.title for i in g.incidents} for g in groups)


def test_korean_and_english_paraphrases_meet_on_shared_meaning():
    weight = lambda t: 1.0  # noqa: E731
    assert similarity(tokens("인터넷뱅킹 로그인 오류"), tokens("Internet banking login error"), weight) > 0.5
    assert similarity(tokens("로그인이 안됨"), tokens("로그인 불가"), weight) >= 0.5
    assert similarity(tokens("카드 승인 타임아웃"), tokens("Card approval timeout"), weight) == 1.0
    assert similarity(tokens("이체 지연"), tokens("환율 조회 누락"), weight) == 0.0


def test_every_group_explains_itself_in_both_languages():
    groups, _truth = _groups(21)
    group = groups[0]
    ko = group.why("ko", window_days=30, min_incidents=3)
    en = group.why("en", window_days=30, min_incidents=3)
    assert group.application in ko and group.application_en in en
    assert all(word in en for word in group.common_words)
    assert group.total_downtime_minutes == 90 * len(group.incidents)
