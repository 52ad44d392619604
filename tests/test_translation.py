"""The translation stage on the real CTranslate2 path (tiny package) and its checks (fake engine)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import cn2an
import pytest

from generator.config import TranslationConfig
from generator.errors import ModelMissing, PackageError
from generator.glossary import Glossary
from generator.translation import UNAVAILABLE, Translator
from generator.translation.cache import TranslationCache
from generator.translation.checks import is_repetitive, problems
from generator.translation.packages import find_zh_en, install_from_file, list_installed
from generator.translation.protect import protect
from tests.helpers import REPO
from tests.tiny_argos import DEFAULT_PHRASE

NO_GLOSSARY = Glossary()

GLOSSARY = Glossary(terms=(("中科曙光", "Sugon"), ("算力券", "computing-power vouchers"), ("湖南", "Hunan")))
PLAIN = ["智能算力逐级启新，是否将引领算力发展下一程？", "这一过程中，充满挑战。", "技术融合是必然选择。"]


def _open(tmp_path: Path, config: TranslationConfig | None = None, glossary: Glossary = NO_GLOSSARY) -> Translator:
    return Translator.open(config or TranslationConfig(), glossary, tmp_path / "cache.sqlite")


def test_tiny_model_translates_in_order_and_once_per_distinct_sentence(argos_env, tmp_path):
    translator = _open(tmp_path)
    texts = [*PLAIN, PLAIN[0]]
    result = translator.translate(texts)
    assert [t.source for t in result] == texts
    assert all(t.text == DEFAULT_PHRASE for t in result)
    assert all(not t.quality.problems for t in result)
    assert translator.stats.unique == 3 and translator.stats.translated == 3
    translator.close()


def test_second_run_translates_nothing_and_an_edit_only_itself(argos_env, tmp_path):
    first = _open(tmp_path)
    first.translate(PLAIN)
    first.close()
    again = _open(tmp_path)
    again.translate(PLAIN)
    assert again.stats.translated == 0 and again.stats.cache_hits == 3
    edited = [*PLAIN[:2], "技术融合是必然选择，也是共识。"]
    again.translate(edited)
    assert again.stats.translated == 1
    again.close()


def test_cache_is_keyed_by_model(argos_env, tmp_path):
    cache = TranslationCache(tmp_path / "c.sqlite")
    cache.put_many("model-a", [("句子", "A sentence", {"fallback": False})])
    assert cache.get_many("model-b", ["句子"]) == {}
    assert cache.get_many("model-a", ["句子"])["句子"][0] == "A sentence"
    cache.close()


def test_numbers_lost_by_the_model_are_restored_and_flagged(argos_env, tmp_path):
    translator = _open(tmp_path)
    [t] = translator.translate(["2024年，全省绿色智能计算产业规模达8520亿元，同比增长19.2%。"])
    assert t.text.startswith(DEFAULT_PHRASE)
    assert "852 billion yuan" in t.text and "19.2%" in t.text and "2024" in t.text
    assert not t.quality.numbers_ok and not t.quality.fallback and t.quality.retried
    translator.close()


def test_glossary_terms_come_out_exactly_as_given(argos_env, tmp_path):
    translator = _open(tmp_path, glossary=GLOSSARY)
    [t] = translator.translate(["中科曙光在湖南发放算力券。"])
    for english in ("Sugon", "Hunan", "computing-power vouchers"):
        assert english in t.text
    translator.close()


def test_translation_opens_no_network_connection(argos_env, tmp_path, no_network):
    translator = _open(tmp_path)
    assert translator.translate(PLAIN)[0].text == DEFAULT_PHRASE
    translator.close()


def test_missing_model_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "none"))
    with pytest.raises(ModelMissing, match="briefing model install"):
        _open(tmp_path)


def test_install_rejects_bad_files_and_lists_good_ones(tmp_path, monkeypatch, tiny_argos_package):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "pk"))
    bogus = tmp_path / "x.argosmodel"
    bogus.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(PackageError, match=r"x\.argosmodel"):
        install_from_file(bogus)
    assert list_installed() == []
    message = install_from_file(tiny_argos_package)
    assert "zh→en" in message
    assert find_zh_en() is not None and "translate-zh_en-tiny" in list_installed()[0]


def test_batches_go_to_the_engine_together(argos_env, tmp_path):
    translator = _open(tmp_path, TranslationConfig(chunk_sentences=50))
    calls: list[int] = []
    engine = translator.engine
    original = engine.translate

    def counting(texts, options):
        calls.append(len(texts))
        return original(texts, options)

    engine.translate = counting
    texts = [f"第{cn2an.an2cn(i)}句话说明情况。" for i in range(120)]  # no digits: no retries
    translator.translate(texts)
    assert calls == [50, 50, 20], calls
    translator.close()


class FakeEngine:
    """Returns crafted outputs, attempt by attempt, to exercise the checks."""

    model_id = "fake-1"

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.calls = 0

    def translate(self, texts, options):
        self.calls += 1
        out = []
        for text in texts:
            queue = self.answers[text]
            out.append(queue.pop(0) if len(queue) > 1 else queue[0])
        return out


def _fake(tmp_path, answers, glossary=NO_GLOSSARY):
    protected = {protect(k, glossary).text: v for k, v in answers.items()}
    return Translator(FakeEngine(protected), TranslationConfig(), glossary, TranslationCache(tmp_path / "f.sqlite"))


def test_a_loop_is_retried_and_the_retry_kept(tmp_path):
    source = "消费市场表现将继续回稳向好。"
    translator = _fake(tmp_path, {source: ["the the the the the the the", "The consumer market will keep recovering."]})
    [t] = translator.translate([source])
    assert t.text == "The consumer market will keep recovering." and t.quality.retried and not t.quality.problems
    assert translator.stats.retried == 1 and translator.stats.fallbacks == 0


@pytest.mark.parametrize(
    "bad, problem",
    [
        ("", "empty"),
        ("growth growth growth growth growth growth", "repetition"),
        ("Up.", "too-short"),
        ("The market 市场 grew.", "chinese-left"),
    ],
)
def test_output_that_stays_broken_falls_back_to_marked_chinese(tmp_path, bad, problem):
    source = "轻工行业生产较快回升，盈利持续改善，国内消费市场稳步增长。"
    translator = _fake(tmp_path, {source: [bad]})
    [t] = translator.translate([source])
    assert t.text == f"{UNAVAILABLE} {source}"
    assert t.quality.fallback and problem in t.quality.problems
    assert translator.stats.fallbacks == 1


def test_lost_number_is_detected_in_crafted_output(tmp_path):
    source = "营业收入3.26万亿元，同比增长4.1%。"
    translator = _fake(tmp_path, {source: ["Revenue was 3.26 trillion yuan, up year on year."]})
    [t] = translator.translate([source])
    assert "lost-number:4.1" in t.quality.problems and not t.quality.numbers_ok
    assert t.text.endswith("[4.1%]")


def test_protection_converts_chinese_magnitudes_consistently():
    p = protect("规模达8520亿元，零售额1.2955万亿元，利润1973.8亿元，3月29日签约。", Glossary())
    assert "852 billion yuan" in p.text and "1.2955 trillion yuan" in p.text and "197.38 billion yuan" in p.text
    assert "March 29" in p.text
    assert set(p.numbers) >= {"852", "1.2955", "197.38", "29"}


def test_protection_reads_a_number_written_in_parts_as_one():
    """Taiwan's "16万9,806台" is 169,806 units, not "160,000 9,806"."""
    p = protect("销售量较3月份(16万9,806台)骤减70%，3万人参加。", Glossary())
    assert "169,806" in p.text and "160,000" not in p.text and "30,000" in p.text
    assert "169806" in p.numbers


def test_checks_accept_a_good_translation():
    p = protect("2024年，产业规模达8520亿元，同比增长19.2%。", Glossary())
    good = "In 2024 the industry reached 852 billion yuan, up 19.2% year on year."
    assert problems(p, good) == []
    assert is_repetitive("of the of the of the of the market")
    assert not is_repetitive(good)


_RESUME_SCRIPT = """
import sys
from pathlib import Path
from generator.config import TranslationConfig
from generator.glossary import Glossary
from generator.translation import Translator
texts = [f"第{i}条消息说明第{i}个情况。" for i in range(int(sys.argv[2]))]
t = Translator.open(TranslationConfig(chunk_sentences=4), Glossary(), Path(sys.argv[1]))
t.translate(texts)
print(t.stats.translated, t.stats.cache_hits)
"""


def test_a_build_killed_half_way_resumes_where_it_stopped(argos_env, tmp_path):
    cache = tmp_path / "resume.sqlite"
    total = 1200
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-c", _RESUME_SCRIPT, str(cache), str(total)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    done = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if cache.exists():
            try:
                with sqlite3.connect(cache, timeout=1) as db:
                    done = db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
            except sqlite3.Error:
                done = 0
            if done >= 40:
                break
        time.sleep(0.01)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(cache) as db:
        kept = db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
    assert 40 <= kept < total
    rerun = subprocess.run([sys.executable, "-c", _RESUME_SCRIPT, str(cache), str(total)], env=env,
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    translated, hits = map(int, rerun.stdout.split())
    assert translated == total - kept and hits == kept


@pytest.mark.parametrize(
    ("sentence", "currency", "english"),
    [
        ("營收3億元，年增12%。", "TWD", "TWD 300 million"),  # a Taiwanese report's bare 元
        ("净利3.2亿元。", "HKD", "HKD 320 million"),
        ("规模达8520亿元。", "CNY", "852 billion yuan"),
        ("营收新台币3亿元。", "CNY", "TWD 300 million"),  # named, whatever the article's own
        ("募资5亿港元。", "TWD", "HKD 500 million"),
        ("营收3亿元人民币。", "TWD", "300 million yuan"),
        ("出口额3亿美元。", "TWD", "300 million US dollars"),
    ],
)
def test_an_amount_of_money_is_in_the_articles_currency_unless_named(sentence, currency, english):
    protected = protect(sentence, NO_GLOSSARY, currency)
    assert english in protected.text and english in protected.renderings
    assert protected.text.count("yuan") == english.count("yuan") and "新台币" not in protected.text


def test_traditional_script_reaches_the_model_as_the_mainland_writes_it():
    protected = protect("台積電軟體營收3億元，網路需求強勁。", NO_GLOSSARY, "TWD")
    assert protected.text == "台积电软件营收 TWD 300 million ，网络需求强劲。"
    assert protected.source == "台積電軟體營收3億元，網路需求強勁。" and protected.numbers == ("300",)
    # a glossary term matches in either script
    for sentence in ("台積電公布營收。", "台积电公布营收。"):
        assert protect(sentence, Glossary(terms=(("台積電", "TSMC"),))).terms == ("TSMC",), sentence


def test_the_same_sentence_in_two_currencies_is_two_translations(argos_env, tmp_path):
    translator = _open(tmp_path)
    twd, cny = translator.translate(["營收3億元。", "營收3億元。"], currencies=["TWD", "CNY"])
    assert "TWD 300 million" in twd.text and "yuan" not in twd.text
    assert "300 million yuan" in cny.text
    assert translator.stats.translated == 2
    translator.close()


def test_a_taiwanese_articles_english_is_in_new_taiwan_dollars(argos_env, tmp_path):
    from tests.helpers import briefing, make_project

    project = make_project(tmp_path / "p", seeds=False)
    (project / "seeds" / "tsmc.txt").write_text(
        "台積電10月營收2360億元\n\n"
        "台積電今日公布10月營收2360.21億元，較上月增加12.3%，年增29.2%，創下歷史新高。\n\n"
        "法人預估，台積電第四季營收可望季增逾1成，全年營收年增約三成。\n",
        encoding="utf-8",
    )
    assert briefing("build", cwd=project).returncode == 0
    page = (project / "docs" / "digest" / "tsmc-txt" / "article-01.md").read_text(encoding="utf-8")
    english = page.split("## Summary", 1)[1].split("##", 1)[0]
    # the tiny model writes no number: the summary's figures are added in brackets as given to it
    assert "TWD 236.021 billion" in english and "yuan" not in page, page


@pytest.mark.parametrize(
    ("sentence", "given", "numbers"),
    [
        ("台积电10月营收创新高。", "台积电 October 营收创新高。", ()),  # a month's revenue, as Taiwan reports it monthly
        ("3月份出口增长。", "March 出口增长。", ()),
        ("2024年10月", "2024 October", ("2024",)),
        # a range of months by their names, whatever marks it; the first months of a year too
        ("1至10月营收增长。", "January-October 营收增长。", ()),
        ("1-10月营收增长。", "January-October 营收增长。", ()),
        ("1～2月，工业增加值增长7%。", "January-February ，工业增加值增长 7% 。", ("7",)),
        ("前10月营收增长。", "January-October 营收增长。", ()),
        ("前10个月营收增长。", "January-October 营收增长。", ()),
        ("3月1-10日出口增长。", "March 1-10 出口增长。", ("1", "10")),
        ("12-2月", "12-2月", ("12", "2")),  # winter across two years: as written
        ("过去3个月", "过去 3 个月", ("3",)),
    ],
)
def test_months_reach_the_model_by_their_names(sentence, given, numbers):
    protected = protect(sentence, NO_GLOSSARY)
    assert protected.text == given and protected.numbers == numbers


def test_taiwans_institutional_investors_reach_the_model_as_the_mainland_names_them():
    # in a Taiwanese report 法人 are institutional investors; on the mainland, a legal person
    assert protect("法人預估，台積電第四季營收可望季增逾一成。", NO_GLOSSARY, "TWD").text.startswith("机构投资者预估")
    assert protect("公司法人代表变更。", NO_GLOSSARY, "CNY").text == "公司法人代表变更。"


@pytest.mark.parametrize(
    ("sentence", "given"),
    [
        # a change with its basis glued on, as only Taiwan writes it: the mainland's 同比 and 环比
        ("華新營收年增12.3%，季減逾一成。", "华新营收同比增长 12.3% ，环比下降逾一成。"),
        ("營收月增率5%，年減兩成。", "营收环比增长率 5% ，同比下降两成。"),
        ("營益率達12%，每股盈餘3.2元。", "营业利润率达 12% ，每股收益 TWD 3.2 。"),
        # no such change: "every year it grows", "annual growth"
        ("每年增加產能。", "每年增加产能。"),
        ("年增長率為5%。", "年增长率为 5% 。"),
    ],
)
def test_taiwans_words_for_changes_and_earnings_reach_the_model_as_the_mainland_writes_them(sentence, given):
    assert protect(sentence, NO_GLOSSARY, "TWD").text == given
    assert "同比" not in protect(sentence, NO_GLOSSARY, "CNY").text  # a mainland report is left as written
