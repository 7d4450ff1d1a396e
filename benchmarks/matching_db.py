"""A full matching run from the database: load, score, solve and write the draft proposals, at
10,000 SMEs x 5,000 mentors on PostgreSQL.

    DATABASE_URL=postgres://skillup:skillup@127.0.0.1:5433/bench_matching \
        .venv/bin/python benchmarks/matching_db.py [--smes 10000] [--mentors 5000] [--keep]

PostgreSQL only. The database DATABASE_URL names is never written: Django's test-database
machinery creates `test_<name>_matching` beside it (dropped at the end unless --keep; with
--keep an earlier run's data of the same sizes and seed is reused, which saves the fill).
Settings: skillup.settings.test (DEBUG False: no query log).

Data (seeded, NumPy; the distributions of matching/synthetic.py, which the in-memory benchmark
benchmarks/matching.py uses): the real taxonomy's selectable skills (the competences of
matching.Skill: 69 today, where the synthetic population has 88 abstract ones) of uneven popularity;
--smes SMEs (micro/small/medium, 30 EU/EEA countries, 21 NACE sections), each with an admin
user and membership and an active needs profile: 3-8 gaps (importance 1-3, target 1-5), 1-2 of
12 languages (a few common), a mentoring mode, about one in five excluding 1-3 large companies;
--mentors // 25 large companies (a few with many mentors); --mentors users with approved mentor
profiles bound by the agreement in force: 4-12 skills (levels 1-5, leaning high), 1-3
languages, 1-4 countries around a home country, 1-4 sectors, a mode, capacity 1-5; and one SME
in twenty with a declined proposal from a random mentor (a pair the run must not propose
again). Rows go in with bulk_create in large batches (explicit keys), then VACUUM ANALYZE. The
fill is timed apart and is not part of the target.

Measured, in this order, on the same data:
  engine    the in-memory engine alone: `engine.load_population()` (timed: load) and then, on
            the Population it returns (cold, no cached matrices), `pruning.candidates` and
            `solver.assign` with the run's weights and candidate counts (score, solve), and
            `scoring.explain` for each matched pair (what the write phase does before SQL);
  run 1     `services.run_execute` for a fresh MatchRun: its recorded `timings` (load, score,
            solve, write) and `duration_s` (the figure the target is about);
  run 2     a second fresh run, which first turns run 1's drafts into "removed" (the drafts of
            earlier runs are replaced), --runs 1 to skip it.
Checks after each run: done, every SME and mentor considered, matched_count > 0 and equal to
the engine's matches, one draft per matched SME, no mentor above capacity, every pair shares a
language, no pair with an excluded company or declined before; after run 2, none of run 1's
drafts left open. The last line (run 1, total_s = its duration_s; target total under 4 s):

    matching_db: n=10000x5000 total_s=… load_s=… solve_s=… write_s=…

Options: --smes, --mentors, --seed, --keep, --runs, --profile (cProfile of run 1).
"""

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_S = 4.0  # issue #18: 10,000 x 5,000 from PostgreSQL in 4 s
BATCH = 5000
FORBIDDEN = {"skillup", "test_skillup"}  # other people's databases: never created nor dropped
# 12 languages, most spoken first (the Zipf weights of matching.synthetic favour the first)
LANGUAGES = ("en", "de", "fr", "es", "it", "pl", "nl", "pt", "sv", "ro", "cs", "el")
MODES = ("remote", "on_site", "either")  # the order of scoring.Mode
MARKER = "https://bench-matching-seed-{seed}.example.eu"  # on large company 0: data's seed


def _fail(message: str) -> None:
    print(f"benchmarks/matching_db.py: {message}", file=sys.stderr)
    raise SystemExit(2)


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smes", type=int, default=10_000)
    parser.add_argument("--mentors", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", action="store_true", help="keep the database, reuse its data")
    parser.add_argument("--runs", type=int, default=2, choices=(1, 2))
    parser.add_argument("--profile", action="store_true", help="cProfile run 1")
    args = parser.parse_args()
    if args.smes < 1 or args.mentors < 25:
        parser.error("--smes must be at least 1 and --mentors at least 25")
    return args


def _setup_django() -> str:
    database = os.environ.get("DATABASE_URL", "")
    if not database.startswith(("postgres://", "postgresql://", "pgsql://")):
        _fail(
            "this benchmark measures a run against PostgreSQL, not SQLite: set DATABASE_URL, "
            "e.g.\n  DATABASE_URL=postgres://skillup:skillup@127.0.0.1:5433/bench_matching \\\n"
            "  .venv/bin/python benchmarks/matching_db.py"
            + (f"\n(DATABASE_URL is {database!r})" if database else "")
        )
    os.environ["DJANGO_SETTINGS_MODULE"] = "skillup.settings.test"
    import django

    django.setup()
    return database


def _create_database(keep: bool) -> str:
    """A database of our own beside the named one (never the pytest one, test_<name>)."""
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    test_name = f"test_{old_name}_matching"
    if old_name in FORBIDDEN or test_name in FORBIDDEN:
        _fail(f"refusing to use {test_name!r}")
    connection.settings_dict.setdefault("TEST", {})["NAME"] = test_name
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=keep)
    return old_name


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------
def _sets(rng, n_rows: int, low: int, high: int, p: np.ndarray) -> list[list[int]]:
    """For each row, low..high distinct items drawn with probabilities p (synthetic's Gumbel)."""
    from matching.synthetic import _choose_sets

    rows, items = _choose_sets(rng, n_rows, rng.integers(low, high + 1, n_rows), p)
    out: list[list[int]] = [[] for _ in range(n_rows)]
    for row, item in zip(rows.tolist(), items.tolist(), strict=True):
        out[row].append(item)
    return out


def _bulk(model, rows, log) -> None:
    started = time.perf_counter()
    model.objects.bulk_create(rows, batch_size=BATCH)
    log(f"  {model._meta.db_table:<42}{len(rows):>8} rows in {time.perf_counter() - started:5.1f}s")


def fill(n_smes: int, n_mentors: int, *, seed: int, log=print) -> None:
    """Write the population into emptied tables (explicit keys from 1, sequences reset)."""
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
    from django.core.management.color import no_style
    from django.db import connection
    from django.utils import timezone

    from accounts.enums import EEA_EFTA_STATES, EU_MEMBER_STATES, NaceSection
    from accounts.models import Membership, Organisation, User
    from matching.models import NeedsProfile, Proposal, Skill, SkillGap
    from matching.synthetic import COUNTRY_REGION, _zipf
    from volunteers.models import ConfidentialityAgreement, MentorProfile, MentorSkill

    began = time.perf_counter()
    now = timezone.now()
    rng = np.random.default_rng(seed)
    skills = list(Skill.objects.selectable().order_by("pk").values_list("pk", flat=True))
    agreement = ConfidentialityAgreement.objects.current()
    if not skills or agreement is None:
        _fail("the taxonomy or the confidentiality agreement is missing (migrations?)")
    countries = list(EU_MEMBER_STATES + EEA_EFTA_STATES)  # synthetic.COUNTRIES' order
    sectors = list(NaceSection.values)
    n_companies = max(1, n_mentors // 25)
    skill_p = rng.permutation(_zipf(len(skills), 0.8))
    language_p = _zipf(len(LANGUAGES), 1.3)
    country_p = rng.dirichlet(np.full(len(countries), 2.0))
    sector_p = rng.dirichlet(np.full(len(sectors), 1.5))
    company_p = _zipf(n_companies, 1.0)

    # --- SMEs ---------------------------------------------------------------------------
    sme_gaps = _sets(rng, n_smes, 3, 8, skill_p)
    sme_languages = _sets(rng, n_smes, 1, 2, language_p)
    sme_country = rng.choice(len(countries), n_smes, p=country_p)
    sme_sector = rng.choice(len(sectors), n_smes, p=sector_p)
    sme_mode = rng.choice(3, n_smes, p=[0.3, 0.2, 0.5])
    sme_size = rng.choice(["micro", "small", "medium"], n_smes, p=[0.6, 0.3, 0.1])
    excluding = rng.random(n_smes) < 0.2
    sme_excluded = _sets(rng, n_smes, 1, 3, company_p)
    # --- mentors ------------------------------------------------------------------------
    mentor_skills = _sets(rng, n_mentors, 4, 12, skill_p)
    mentor_languages = _sets(rng, n_mentors, 1, 3, language_p)
    home = rng.choice(len(countries), n_mentors, p=country_p)
    near = (COUNTRY_REGION[None, :] == COUNTRY_REGION[home][:, None]) * 8.0 + 1.0
    keys = np.log(near) + rng.gumbel(size=near.shape)
    keys[np.arange(n_mentors), home] = np.inf  # the home country first, then mostly nearby
    served = np.argsort(-keys, axis=1)[:, :4]
    n_served = rng.integers(1, 5, n_mentors)
    mentor_sectors = _sets(rng, n_mentors, 1, 4, sector_p)
    mentor_mode = rng.choice(3, n_mentors, p=[0.35, 0.15, 0.5])
    mentor_company = rng.choice(n_companies, n_mentors, p=company_p)
    mentor_capacity = rng.integers(1, 6, n_mentors)
    level_p = [0.05, 0.15, 0.3, 0.3, 0.2]
    target_p = [0.1, 0.25, 0.3, 0.25, 0.1]
    declined = np.flatnonzero(rng.random(n_smes) < 0.05)
    declined_mentor = rng.integers(0, n_mentors, declined.size)

    # keys: SME organisations 1..S, companies S+1..S+C; SME users 1..S, mentor users S+1..S+M
    sme_org = lambda i: i + 1  # noqa: E731
    company_org = lambda k: n_smes + k + 1  # noqa: E731
    organisations = [
        Organisation(
            pk=sme_org(i),
            name=f"Bench SME {i:06d}",
            kind="sme",
            country=countries[sme_country[i]],
            sector=sectors[sme_sector[i]],
            size_band=str(sme_size[i]),
        )
        for i in range(n_smes)
    ] + [
        Organisation(
            pk=company_org(k),
            name=f"Bench Large Company {k:04d}",
            kind="large_company",
            country=countries[int(rng.choice(len(countries), p=country_p))],
            sector=sectors[int(rng.choice(len(sectors), p=sector_p))],
            size_band="large",
            website=MARKER.format(seed=seed) if k == 0 else "",
        )
        for k in range(n_companies)
    ]
    users = [
        User(
            pk=i + 1,
            email=f"sme-{i}@bench.example.eu",
            full_name=f"SME admin {i}",
            password=UNUSABLE_PASSWORD_PREFIX,
        )
        for i in range(n_smes)
    ] + [
        User(
            pk=n_smes + j + 1,
            email=f"mentor-{j}@bench.example.eu",
            full_name=f"Mentor {j}",
            password=UNUSABLE_PASSWORD_PREFIX,
        )
        for j in range(n_mentors)
    ]
    memberships = [
        Membership(user_id=i + 1, organisation_id=sme_org(i), role="admin") for i in range(n_smes)
    ]
    needs = [
        NeedsProfile(
            pk=i + 1,
            organisation_id=sme_org(i),
            languages=[LANGUAGES[c] for c in sme_languages[i]],
            mode=MODES[sme_mode[i]],
            status="active",
            maturity={"strategy": int(rng.integers(0, 6)), "data": int(rng.integers(0, 6))},
        )
        for i in range(n_smes)
    ]
    gaps = []
    for i, row in enumerate(sme_gaps):
        importance = rng.integers(1, 4, len(row))
        target = rng.choice(np.arange(1, 6), len(row), p=target_p)
        gaps.extend(
            SkillGap(needs_id=i + 1, skill_id=skills[s], importance=int(imp), target_level=int(t))
            for s, imp, t in zip(row, importance, target, strict=True)
        )
    through = NeedsProfile.excluded_companies.through
    excluded = [
        through(needsprofile_id=i + 1, organisation_id=company_org(k))
        for i in np.flatnonzero(excluding).tolist()
        for k in sme_excluded[i]
    ]
    mentors = [
        MentorProfile(
            pk=j + 1,
            user_id=n_smes + j + 1,
            company_id=company_org(int(mentor_company[j])),
            languages=[LANGUAGES[c] for c in mentor_languages[j]],
            countries=[countries[c] for c in served[j, : n_served[j]]],
            sectors=[sectors[c] for c in mentor_sectors[j]],
            capacity=int(mentor_capacity[j]),
            mode=MODES[mentor_mode[j]],
            availability="active",
            agreement=agreement,
            agreement_accepted_at=now,
            state="approved",
            decided_at=now,
        )
        for j in range(n_mentors)
    ]
    mentor_skill_rows = []
    for j, row in enumerate(mentor_skills):
        levels = rng.choice(np.arange(1, 6), len(row), p=level_p)
        mentor_skill_rows.extend(
            MentorSkill(mentor_id=j + 1, skill_id=skills[s], level=int(level))
            for s, level in zip(row, levels, strict=True)
        )
    proposals = [
        Proposal(
            needs_id=int(i) + 1,
            mentor_id=int(j) + 1,
            score=50.0,
            algorithm_version="bench",
            state="declined",
            mentor_answer="declined",
            decline_reason="No time.",
            closed_at=now,
        )
        for i, j in zip(declined, declined_mentor, strict=True)
    ]
    log(f"  generated the rows in {time.perf_counter() - began:.1f}s")

    _bulk(Organisation, organisations, log)
    _bulk(User, users, log)
    _bulk(Membership, memberships, log)
    _bulk(NeedsProfile, needs, log)
    _bulk(SkillGap, gaps, log)
    _bulk(through, excluded, log)
    _bulk(MentorProfile, mentors, log)
    _bulk(MentorSkill, mentor_skill_rows, log)
    _bulk(Proposal, proposals, log)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(
            no_style(), [Organisation, User, NeedsProfile, MentorProfile]
        ):
            cursor.execute(sql)


TABLES = (
    "accounts_organisation",
    "accounts_user",
    "accounts_membership",
    "matching_needsprofile",
    "matching_needsprofile_excluded_companies",
    "matching_skillgap",
    "volunteers_mentorprofile",
    "volunteers_mentorskill",
    "matching_proposal",
    "matching_matchrun",
)


def _empty() -> None:
    """Every user and organisation goes, and what hangs on them (needs, mentors, proposals,
    runs); the taxonomy, the agreement and the scoring settings stay."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE accounts_user, accounts_organisation CASCADE")


def _analyse() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"VACUUM ANALYZE {table}")


def _present(args) -> bool:
    """The data of an earlier run with the same sizes and seed is there (--keep)."""
    from accounts.models import Organisation
    from matching.models import NeedsProfile
    from volunteers.models import MentorProfile

    return (
        NeedsProfile.objects.filter(status="active").count() == args.smes
        and MentorProfile.objects.filter(state="approved").count() == args.mentors
        and Organisation.objects.filter(website=MARKER.format(seed=args.seed)).exists()
    )


def _prepare(args) -> float | None:
    """Fill (or reuse with --keep, minus earlier runs' drafts); the fill's seconds or None."""
    from matching.models import MatchRun, Proposal

    if args.keep and _present(args):
        Proposal.objects.filter(run__isnull=False).delete()
        MatchRun.objects.all().delete()
        _analyse()
        print(f"reusing the data of an earlier run (--keep, seed {args.seed}); its runs removed")
        return None
    started = time.perf_counter()
    _empty()
    print(f"filling {args.smes} SMEs x {args.mentors} mentors (seed {args.seed}) …")
    fill(args.smes, args.mentors, seed=args.seed)
    vacuum = time.perf_counter()
    _analyse()
    print(f"  vacuum analyse in {time.perf_counter() - vacuum:.1f}s")
    took = time.perf_counter() - started
    print(f"filled in {took:.1f}s (not part of the target)")
    return took


# ---------------------------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------------------------
def engine_alone() -> dict:
    """The in-memory engine on the population loaded from the database (cold matrices)."""
    from matching import engine, pruning, scoring, services, solver

    weights, _row = engine.load_weights()
    started = time.perf_counter()
    loaded = engine.load_population()
    loaded_at = time.perf_counter()
    population = loaded.population
    cands = pruning.candidates(
        population,
        weights,
        per_sme=services.CANDIDATES_PER_SME,
        per_mentor=services.CANDIDATES_PER_MENTOR,
    )
    scored_at = time.perf_counter()
    assigned = solver.assign(cands, population.mentor_capacity, n_smes=len(loaded.needs_ids))
    solved_at = time.perf_counter()
    pairs = [(i, j) for i, j in enumerate(assigned.tolist()) if j >= 0]
    scores = [scoring.explain(population, weights, i, j)["score"] for i, j in pairs]
    explained_at = time.perf_counter()
    return {
        "load": loaded_at - started,
        "score": scored_at - loaded_at,
        "solve": solved_at - scored_at,
        "explain": explained_at - solved_at,
        "smes": len(loaded.needs_ids),
        "mentors": len(loaded.mentor_ids),
        "skills": len(loaded.skill_ids),
        "candidates": len(cands),
        "slots": int(population.mentor_capacity.sum()),
        "matched": len(pairs),
        "mean_score": float(np.mean(scores)) if scores else float("nan"),
    }


def execute(profile: bool = False):
    from matching import services
    from matching.models import MatchRun

    run = MatchRun.objects.create()
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    services.run_execute(run.pk)
    wall = time.perf_counter() - started
    if profiler:
        import pstats

        profiler.disable()
        print("\n--- profile of run 1 ---")
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(35)
        stats.sort_stats("tottime").print_stats(20)
    run.refresh_from_db()
    return run, wall


def check(run, expected: dict, args) -> list[str]:
    """What is wrong with the run's drafts (an empty list: nothing)."""
    from matching.models import NeedsProfile, Proposal
    from volunteers.models import MentorProfile

    problems = []
    if run.status != "done":
        problems.append(f"status {run.status} ({run.error})")
    if run.sme_count != args.smes or run.mentor_count != args.mentors:
        problems.append(f"considered {run.sme_count} SMEs x {run.mentor_count} mentors")
    if run.matched_count <= 0:
        problems.append("nobody matched")
    if run.matched_count != expected["matched"]:
        problems.append(f"matched {run.matched_count}, the engine alone {expected['matched']}")
    drafts = list(
        Proposal.objects.filter(run=run, state="draft").values_list("needs_id", "mentor_id")
    )
    if len(drafts) != run.matched_count:
        problems.append(f"{len(drafts)} drafts for {run.matched_count} matches")
    if len({n for n, _m in drafts}) != len(drafts):
        problems.append("an SME has two drafts")
    mentor_rows = {
        pk: (capacity, set(languages), company)
        for pk, capacity, languages, company in MentorProfile.objects.values_list(
            "pk", "capacity", "languages", "company_id"
        )
    }
    needs_languages = dict(NeedsProfile.objects.values_list("pk", "languages"))
    excluded = set(
        NeedsProfile.excluded_companies.through.objects.values_list(
            "needsprofile_id", "organisation_id"
        )
    )
    declined = set(
        Proposal.objects.filter(state__in=["declined", "expired"]).values_list(
            "needs_id", "mentor_id"
        )
    )
    over = [
        m for m, count in Counter(m for _n, m in drafts).items() if count > mentor_rows[m][0]
    ]  # no active partnership nor proposal waiting in this data: capacity is all free
    if over:
        problems.append(f"{len(over)} mentors above capacity")
    no_language = [(n, m) for n, m in drafts if not set(needs_languages[n]) & mentor_rows[m][1]]
    if no_language:
        problems.append(f"{len(no_language)} pairs without a shared language")
    if any((n, mentor_rows[m][2]) in excluded for n, m in drafts):
        problems.append("a pair with an excluded company")
    if any((n, m) in declined for n, m in drafts):
        problems.append("a pair declined before")
    return problems


def _load() -> str:
    """Other work on the machine slows every figure: say how much there was."""
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"


def report(args, fill_s, alone: dict, runs: list, problems: list[list[str]], replaced: str):
    print()
    print(
        f"population: {alone['smes']} SMEs x {alone['mentors']} mentors, {alone['skills']} "
        f"skills, {alone['slots']} mentor slots, {alone['candidates']} candidate pairs"
    )
    fill_text = f"{fill_s:.1f}s" if fill_s is not None else "reused (--keep)"
    print(f"fill: {fill_text}")
    print()
    header = f"{'phase':<10}{'engine alone':>14}" + "".join(
        f"{f'run {k + 1}':>10}" for k in range(len(runs))
    )
    print(header + "   (seconds)")
    engine_total = alone["score"] + alone["solve"]
    rows = [
        ("load", alone["load"], "load"),
        ("score", alone["score"], "score"),
        ("solve", alone["solve"], "solve"),
        ("write", alone["explain"], "write"),
    ]
    for name, value, key in rows:
        line = f"{name:<10}{value:>14.3f}" + "".join(
            f"{run.timings.get(key, float('nan')):>10.3f}" for run, _wall in runs
        )
        print(line + ("   (engine alone: explain only, no SQL)" if name == "write" else ""))
    print(
        f"{'total':<10}{alone['load'] + engine_total + alone['explain']:>14.3f}"
        + "".join(f"{run.duration_s:>10.3f}" for run, _wall in runs)
        + "   (runs: duration_s)"
    )
    print(
        f"{'wall':<10}{'':>14}"
        + "".join(f"{wall:>10.3f}" for _run, wall in runs)
        + "   (run_execute, as called)"
    )
    print()
    for k, (run, _wall) in enumerate(runs):
        print(
            f"run {k + 1}: matched {run.matched_count} of {run.sme_count} SMEs, mean score "
            f"{run.mean_score}, lowest {run.min_score}; checks: "
            + ("pass" if not problems[k] else "FAIL (" + "; ".join(problems[k]) + ")")
        )
    print(f"engine alone: matched {alone['matched']}, mean score {alone['mean_score']:.2f}")
    if replaced:
        print(replaced)
    run, _wall = runs[0]
    print(
        f"database overhead: run 1 takes {run.duration_s / engine_total:.1f}x the in-memory "
        f"engine (score + solve {engine_total:.3f}s); load + write are "
        f"{(run.timings['load'] + run.timings['write']) / run.duration_s:.0%} of it"
    )
    print(f"{_load()}")
    ok = run.duration_s < TARGET_S and not any(problems)
    print(
        f"target: total under {TARGET_S:.0f} s: "
        + ("pass" if run.duration_s < TARGET_S else f"FAIL ({run.duration_s:.3f})")
        + ("; checks: pass" if not any(problems) else "; checks: FAIL")
    )
    t = run.timings
    print(
        f"matching_db: n={args.smes}x{args.mentors} total_s={run.duration_s:.3f} "
        f"load_s={t['load']:.3f} solve_s={t['solve']:.3f} write_s={t['write']:.3f}"
    )
    return ok


def main() -> None:
    args = _parse()
    database = _setup_django()
    from django.db import connection

    from matching.models import Proposal

    old_name = _create_database(args.keep)
    server = database.split("@")[-1].rsplit("/", 1)[0]
    print(
        f"{time.strftime('%Y-%m-%d %H:%M:%S %Z')}  database: {server}/"
        f"{connection.settings_dict['NAME']}  settings: skillup.settings.test  {_load()}"
    )
    failed = False
    try:
        fill_s = _prepare(args)
        alone = engine_alone()
        print(
            f"engine alone: load {alone['load']:.2f}s, score {alone['score']:.2f}s, "
            f"solve {alone['solve']:.2f}s, explain {alone['explain']:.2f}s"
        )
        runs, problems = [], []
        for k in range(args.runs):
            run, wall = execute(profile=args.profile and k == 0)
            runs.append((run, wall))
            problems.append(check(run, alone, args))
            print(f"run {k + 1}: {run.duration_s:.2f}s {run.timings}")
        replaced = ""
        if len(runs) == 2:
            first, second = runs[0][0], runs[1][0]
            left = Proposal.objects.filter(run=first, state="draft").count()
            removed = Proposal.objects.filter(run=first, state="removed").count()
            open_drafts = Proposal.objects.filter(state="draft").count()
            replaced = (
                f"replacement: run 1's {first.matched_count} drafts now {removed} removed, "
                f"{left} left; open drafts {open_drafts} = run 2's {second.matched_count}"
            )
            if left or removed != first.matched_count or open_drafts != second.matched_count:
                problems[1].append("run 1's drafts not replaced")
        failed = not report(args, fill_s, alone, runs, problems, replaced)
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
