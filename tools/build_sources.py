"""Build ``data/sources.csv``: one row per distinct source URL cited in the data.

Maintainer tool, not part of the installed package. It collects every value of
the ``source_url`` and ``wording_source_url`` columns from

* the project's data files that exist when it runs (``data/votes.csv``,
  ``statements.csv``, ``conflicts.csv``, ``paragraphs.csv``, ``resolutions.csv``,
  ``groups.csv``, ``members.csv``),
* the research dossier's CSVs (``--dossier``, default ``../shared/research/votes``),
* our own extra research in ``tools/extra_votes/*.csv``,

and describes each URL with a publisher, a tier and a language taken from the
curated tables below. Tiers, best first (the ranking used to settle conflicts):

* ``un_record``   - a UN page or record on a UN site (press.un.org, UN News, UN
  Digital Library);
* ``un_record_copy`` - a third party's copy of a UN record: a GitHub reproduction of
  the UN Digital Library voting records (``UNDL_COPY_REPOS``), or a site reproducing
  a UN press release. It carries the UN's content but not the UN's guarantee (a copy
  can contain transcription errors), so it ranks below the UN's own pages and above
  every other source;
* ``wire_agency`` - a news agency (Reuters, AP, AFP, EFE, Kyodo, PTI, Interfax,
  TASS, ...), including a republishing site when the dossier says the text is
  the agency's (the publisher then reads "Reuters via ThePrint");
* ``government``  - a foreign ministry, mission, government or intergovernmental body;
* ``media``       - newspapers, broadcasters and news sites;
* ``other``       - GitHub, Wikipedia and its mirrors, blogs, forums, copy sites.

A URL that matches a known-junk pattern (``DOUBTFUL``: template debris, a staging
or hosting-server name, a CDN mirror, a bare home page, an unrelated "random post"
slug) gets a note starting "doubtful address"; the test suite checks that no vote or
statement rests on such an address.

A URL whose host is not in the tables stops the script with a list of the
unmapped hosts, so that a maintainer adds them and the map stays complete.
``source_id`` (``SRC-0001`` ...) follows the sorted URLs, so the file is the same
on every run over the same inputs.

Run from the repository root::

    python tools/build_sources.py [--dossier ../shared/research/votes]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent

#: project data files scanned for URLs (each is optional)
DATA_FILES: tuple[str, ...] = (
    "votes.csv",
    "statements.csv",
    "conflicts.csv",
    "paragraphs.csv",
    "resolutions.csv",
    "groups.csv",
    "members.csv",
)
URL_COLUMNS: tuple[str, ...] = ("source_url", "wording_source_url")
TIERS: tuple[str, ...] = (
    "un_record",
    "un_record_copy",
    "wire_agency",
    "government",
    "media",
    "other",
)
COLUMNS: list[str] = ["source_id", "url", "publisher", "tier", "language", "note"]
DOSSIER_LABEL = "research dossier"


@dataclass(frozen=True)
class Source:
    """How one URL (or every URL on one host) is described in ``sources.csv``."""

    publisher: str
    tier: str
    language: str
    note: str = ""


def _s(publisher: str, tier: str, language: str, note: str = "") -> Source:
    return Source(publisher, tier, language, note)


UN, UN_COPY, WIRE, GOV, MEDIA, OTHER = TIERS

#: GitHub repositories that reproduce the UN Digital Library voting records (tier
#: ``un_record_copy``; see tools/extra_votes/README.md for how each was checked).
UNDL_COPY_REPOS: frozenset[str] = frozenset(
    {"HZloto/unga-2025", "data-driven-decision-lab/un-digital-library-scraper"}
)

#: (regular expression on the URL, reason): addresses that cannot be trusted to
#: lead to the claim. Matching URLs get a "doubtful address" note.
DOUBTFUL: tuple[tuple[str, str], ...] = (
    (r"%7B%7B|\{\{", "the address ends in template debris"),
    (r"://homolog\.|serverdo\.in", "a staging server, not the publisher's public site"),
    (r"\.azureedge\.net/", "a content-delivery mirror, not the publisher's own site"),
    (r"://sd-\d+-h\d+\.ferozo\.net/", "a hosting server's name, not the publisher's address"),
    (r"random-post=", "a 'random post' link whose slug is unrelated to the claim"),
    (r"^https?://[^/]+/?$", "a site's home page, not the page that carries the claim"),
)
#: files whose URLs must lead to the page itself (a home page is doubtful there)
PAGE_LEVEL_FILES: frozenset[str] = frozenset(
    {"votes.csv", "statements.csv", "conflicts.csv", "paragraphs.csv", "resolutions.csv"}
)

#: host (without "www.") -> description. A host also covers its subdomains
#: unless a more specific host is listed.
DOMAINS: dict[str, Source] = {
    # --- UN records
    "un.org": _s("United Nations", UN, "en"),
    "press.un.org": _s("UN Meetings Coverage and Press Releases", UN, "en"),
    "news.un.org": _s("UN News", UN, "en"),
    "digitallibrary.un.org": _s("UN Digital Library", UN, "en"),
    # --- governments, missions, intergovernmental bodies
    "eeas.europa.eu": _s("European External Action Service (EU Delegation to the UN)", GOV, "en"),
    "european-union.europa.eu": _s("European Union", GOV, "en"),
    "uaeun.org": _s("Permanent Mission of the United Arab Emirates to the UN", GOV, "en"),
    "russiaun.ru": _s("Permanent Mission of the Russian Federation to the UN", GOV, "en"),
    "wired-gov.net": _s(
        "UK government text via Wired-Gov", GOV, "en", "Wired-Gov republishes government releases"
    ),
    "international.gc.ca": _s("Global Affairs Canada", GOV, "en"),
    "brics2026.gov.in": _s("BRICS 2026 chair (Government of India)", GOV, "en"),
    "asean.org": _s("ASEAN Secretariat", GOV, "en"),
    "au.int": _s("African Union", GOV, "en"),
    "caricom.org": _s("CARICOM Secretariat", GOV, "en"),
    "g20.org": _s("G20", GOV, "en"),
    "gcc-sg.org": _s("Gulf Cooperation Council Secretariat", GOV, "en"),
    "lasportal.org": _s("League of Arab States", GOV, "en"),
    "nato.int": _s("NATO", GOV, "en"),
    "oic-oci.org": _s("Organisation of Islamic Cooperation", GOV, "en"),
    "odkb-csto.org": _s("Collective Security Treaty Organization", GOV, "en"),
    # --- wire agencies (own sites)
    "tass.com": _s("TASS", WIRE, "en"),
    "interfax.com.ua": _s("Interfax-Ukraine", WIRE, "en"),
    "ru.interfax.com.ua": _s("Interfax-Ukraine", WIRE, "ru"),
    "upi.com": _s("UPI", WIRE, "en"),
    "teraz.sk": _s("TASR (teraz.sk)", WIRE, "sk", "Slovak national news agency"),
    "ukrinform.net": _s("Ukrinform", WIRE, "en", "Ukraine's national news agency"),
    # --- media (sites that republish agency copy are refined per URL in SYNDICATED)
    "1lurer.am": _s("1lurer.am (Public Radio of Armenia)", MEDIA, "en"),
    "1tv.ge": _s("First Channel (Georgian Public Broadcaster)", MEDIA, "en"),
    "24.kg": _s("24.kg", MEDIA, "en"),
    "chinadaily.com.cn": _s("China Daily", MEDIA, "en", "state-owned newspaper"),
    "mdzol.com": _s("MDZ Online (Mendoza)", MEDIA, "es"),
    "politico.eu": _s("Politico Europe", MEDIA, "en"),
    "radio1.ru": _s("Radio 1 (Moscow region)", MEDIA, "ru"),
    "razomua.media": _s("razomua.media", MEDIA, "en"),
    "wionews.com": _s("WION", MEDIA, "en"),
    "360.ru": _s("360.ru", MEDIA, "ru"),
    "actusalade.tg": _s("Actu Salade", MEDIA, "fr"),
    "kun.uz": _s("Kun.uz", MEDIA, "en"),
    "allafrica.com": _s("AllAfrica", MEDIA, "en"),
    "arabnews.com": _s("Arab News", MEDIA, "en"),
    "arabnews.pk": _s("Arab News (Pakistan edition)", MEDIA, "en"),
    "freepressjournal.in": _s("Free Press Journal", MEDIA, "en"),
    "news.mail.ru": _s("Mail.ru News", MEDIA, "ru"),
    "thenassauguardian.com": _s("The Nassau Guardian", MEDIA, "en"),
    "asiaplustj.info": _s("Asia-Plus", MEDIA, "en"),
    "babel.ua": _s("Babel", MEDIA, "uk"),
    "businessinsider.com.pl": _s("Business Insider Polska", MEDIA, "pl"),
    "business-standard.com": _s("Business Standard", MEDIA, "en"),
    "businesstoday.in": _s("Business Today", MEDIA, "en"),
    "centralasia.media": _s("CentralAsia.media", MEDIA, "ru"),
    "charter97.org": _s("Charter 97", MEDIA, "ru"),
    "civilmedia.mk": _s("CIVIL Media", MEDIA, "mk"),
    "e-global.pt": _s("e-Global", MEDIA, "pt"),
    "eadaily.com": _s("EADaily", MEDIA, "ru"),
    "minanews.net": _s("MINA News Agency", MEDIA, "en"),
    "prothomalo.com": _s("Prothom Alo", MEDIA, "en"),
    "ahram.org.eg": _s("Ahram Online", MEDIA, "en"),
    "nepalpress.com": _s("Nepal Press", MEDIA, "en"),
    "republika.mk": _s("Republika", MEDIA, "mk"),
    "english.republika.mk": _s("Republika (English edition)", MEDIA, "en"),
    "escritoriodejornalismo.com.br": _s(
        "Escritório de Jornalismo", MEDIA, "pt", "cites UN News in Portuguese"
    ),
    "fenix951.com.ar": _s("fenix951.com.ar", MEDIA, "es"),
    "frontnews.ge": _s("Front News Georgia", MEDIA, "en"),
    "gazzettaitalomoldova.md": _s("Gazzetta Italo-Moldova", MEDIA, "it"),
    "greatbengaltoday.com": _s("Great Bengal Today", MEDIA, "en"),
    "guinee28.info": _s("Guinee28", MEDIA, "fr"),
    "hivipunde.online": _s("hivipunde.online", MEDIA, "en"),
    "operamundi.serverdo.in": _s(
        "Opera Mundi (staging copy)", MEDIA, "pt", "address of a staging server of Opera Mundi"
    ),
    "inews.co.uk": _s("i (inews.co.uk)", MEDIA, "en"),
    "jawawa.id": _s("Kompas via jawawa.id", MEDIA, "en", "English rendering of a Kompas report"),
    "laotraverdad.co": _s("La Otra Verdad", MEDIA, "es"),
    "lb.ua": _s("LB.ua", MEDIA, "uk"),
    "maghress.com": _s("Maghress", MEDIA, "fr", "Moroccan news aggregator"),
    "ghanaweb.com": _s("GhanaWeb", MEDIA, "en"),
    "netgazeti.ge": _s("Netgazeti", MEDIA, "ka"),
    "news.livedoor.com": _s("livedoor News", MEDIA, "ja"),
    "news.sbs.co.kr": _s("SBS News", MEDIA, "ko"),
    "newsinfo.inquirer.net": _s("Philippine Daily Inquirer", MEDIA, "en"),
    "newtimes.co.rw": _s("The New Times (Rwanda)", MEDIA, "en"),
    "notifie.ru": _s("notifie.ru", MEDIA, "en"),
    "nra.lv": _s("Neatkarīgā Rīta Avīze (nra.lv)", MEDIA, "en"),
    "oraclenews.ng": _s("Oracle News", MEDIA, "en"),
    "rus.jauns.lv": _s("Jauns.lv (Russian edition)", MEDIA, "ru"),
    "ferozo.net": _s(
        "Impulso (Argentine news site)",
        MEDIA,
        "es",
        "hosted on a ferozo.net server; the dossier identifies the site as Impulso",
    ),
    "stonoticias.com.ar": _s("STO Noticias", MEDIA, "es"),
    "t24.com.tr": _s("T24", MEDIA, "tr"),
    "thechronicle.com.gh": _s(
        "The Chronicle (Ghana), crediting the BBC", MEDIA, "en", "text credited to the BBC"
    ),
    "theepochtimes.com": _s("The Epoch Times", MEDIA, "en"),
    "tiempodesanjuan.com": _s("Tiempo de San Juan", MEDIA, "es"),
    "turkiyetoday.com": _s("Türkiye Today", MEDIA, "en"),
    "unotv.com": _s("Uno TV", MEDIA, "es"),
    "voi.id": _s("VOI", MEDIA, "en"),
    "abc.com.py": _s("ABC Color", MEDIA, "es"),
    "aljazeera.com": _s("Al Jazeera", MEDIA, "en"),
    "anews.com.tr": _s("A News", MEDIA, "en"),
    "bomboradyo.com": _s("Bombo Radyo", MEDIA, "tl"),
    "capitalfm.co.ke": _s("Capital FM (Kenya)", MEDIA, "en"),
    "dagsavisen.no": _s("Dagsavisen", MEDIA, "no"),
    "daytondailynews.com": _s("Dayton Daily News", MEDIA, "en"),
    "eastcoastdaily.in": _s("East Coast Daily", MEDIA, "en"),
    "eluniversal.com.mx": _s("El Universal (Mexico)", MEDIA, "es"),
    "eurointegration.com.ua": _s("Yevropeiska Pravda", MEDIA, "uk"),
    "evadaily.com": _s("EVA Daily", MEDIA, "en"),
    "freemalaysiatoday.com": _s("Free Malaysia Today", MEDIA, "en"),
    "jabuka.tv": _s("Jabuka TV", MEDIA, "bs"),
    "khaosodenglish.com": _s("Khaosod English", MEDIA, "en"),
    "koreanewsgazette.com": _s("Korea News Gazette", MEDIA, "en"),
    "lalibre.be": _s("La Libre Belgique", MEDIA, "fr"),
    "latestly.com": _s(
        "LatestLY",
        MEDIA,
        "en",
        "page in the site's 'agency-news' section; the dossier does not name the agency",
    ),
    "losandes.com.ar": _s("Los Andes", MEDIA, "es"),
    "nationthailand.com": _s("The Nation (Thailand)", MEDIA, "en"),
    "nrk.no": _s("NRK", MEDIA, "no"),
    "radiotavisupleba.ge": _s("Radio Tavisupleba (RFE/RL Georgian Service)", MEDIA, "ka"),
    "rappler.com": _s("Rappler", MEDIA, "en"),
    "thecitizen.co.tz": _s("The Citizen (Tanzania)", MEDIA, "en"),
    "thegurkhatimes.com": _s("The Gurkha Times", MEDIA, "en"),
    "thelondoneconomic.com": _s("The London Economic", MEDIA, "en"),
    "thenationalnews.com": _s("The National (UAE)", MEDIA, "en"),
    "tportal.hr": _s("tportal.hr", MEDIA, "hr", "the cited report credits N1"),
    "trtworld.com": _s(
        "TRT World",
        MEDIA,
        "en",
        "Turkish public broadcaster; the dossier groups TRT with Anadolu among agency-level "
        "sources",
    ),
    "voaportugues.com": _s("VOA Português", MEDIA, "pt"),
    "watson.ch": _s("watson.ch", MEDIA, "de"),
    "westtimes.cn": _s("westtimes.cn", MEDIA, "zh"),
    "ynetnews.com": _s("Ynetnews", MEDIA, "en"),
    "zamin.uz": _s("Zamin.uz", MEDIA, "ru"),
    "minval.az": _s("Minval.az", MEDIA, "ru"),
    # --- other: reference works, repositories, NGOs, blogs, forums, copy sites
    "github.com": _s("GitHub", OTHER, "en"),
    "wikipedia.org": _s("Wikipedia", OTHER, "en"),
    "hessslslslsls.azureedge.net": _s(
        "Wikipedia (mirror copy)", OTHER, "en", "copy of an English Wikipedia article"
    ),
    "cryer.org.uk": _s("cryer.org.uk (encyclopedia-style copy page)", OTHER, "en"),
    "unwatch.org": _s("UN Watch (NGO)", OTHER, "en"),
    "asiapacific.ca": _s("Asia Pacific Foundation of Canada (think tank)", OTHER, "en"),
    "peacealliancewinnipeg.ca": _s("Peace Alliance Winnipeg", OTHER, "en"),
    "einpresswire.com": _s("EIN Presswire", OTHER, "en"),
    "news-pravda.com": _s(
        "news-pravda.com (aggregator)", OTHER, "en", "low-tier aggregator of other outlets' reports"
    ),
    "abcdiamond.com.dream.website": _s("abcdiamond (copy site)", OTHER, "en"),
    "babalublog.com": _s("Babalú Blog", OTHER, "en"),
    "bazzup.com": _s("Bazzup (blog)", OTHER, "en"),
    "defence.pk": _s("Pakistan Defence forum (defence.pk)", OTHER, "en"),
    "ladokopintan.blogspot.com": _s(
        "Blog copy of Al Jazeera's breakdown", OTHER, "en", "blog copy of an Al Jazeera article"
    ),
    "newzsnoop.com": _s(
        "newzsnoop.com (copy of Al Jazeera's breakdown)",
        OTHER,
        "en",
        "verbatim copy of an Al Jazeera article",
    ),
    "skybarnett.shop": _s(
        "skybarnett.shop (copy of an Arab News report)", OTHER, "en", "copy site of Arab News"
    ),
    "muslimcommunityreport.com": _s("Muslim Community Report", OTHER, "en"),
    "sunbight.wordpress.com": _s("sunbight (WordPress blog)", OTHER, "en"),
    "spamchronicles.com": _s(
        "spamchronicles.com (copy site)",
        OTHER,
        "en",
        "the dossier calls the page AP-based, but the site is not an AP outlet",
    ),
    "usadailyreview.com": _s("USA Daily Review (aggregator)", OTHER, "en"),
    "lodivalleynews.com": _s("Lodi Valley News (aggregator)", OTHER, "en"),
    "24newsbulletin.com": _s("24 News Bulletin (aggregator)", OTHER, "en"),
    "newsdayexpress.com": _s("Newsday Express (aggregator)", OTHER, "en"),
}

#: exact URL -> description, for pages whose text the dossier attributes to a
#: news agency or to a government/UN body although another site hosts it.
SYNDICATED: dict[str, Source] = {
    "https://usa.chinadaily.com.cn/world/2014-03/28/content_17386864_2.htm": _s(
        "Xinhua via China Daily", WIRE, "en", "the article is credited to Xinhua"
    ),
    "https://peacealliancewinnipeg.ca/?p=11437": _s(
        "UN press release via Peace Alliance Winnipeg",
        UN_COPY,
        "en",
        "copy of the UN press release on the 24 Feb 2026 meeting (the dossier's UN source)",
    ),
    "https://www.einpresswire.com/article/789140492/explanation-of-vote-delivered-by-ambassador-"
    "burhan-gafoor-permanent-representative-of-singapore-to-the-united-nations-at-the-resumed-"
    "11th-emergency": _s(
        "Permanent Mission of Singapore via EIN Presswire",
        GOV,
        "en",
        "Singapore's explanation of vote, republished as a press release",
    ),
    "https://www.westtimes.cn/h-nd-8954.html": _s(
        "Permanent Mission of China (text via westtimes.cn)",
        GOV,
        "zh",
        "the dossier identifies the page as China's explanation of vote",
    ),
    "https://www.freemalaysiatoday.com/category/world/2026/02/25/on-invasion-anniversary-un-says-"
    "ukraine-cannot-be-divided": _s("Reuters via Free Malaysia Today", WIRE, "en"),
    "https://www.rappler.com/world/global-affairs/united-nations-general-assembly-adopts-ukraine-"
    "aid-resolution-criticizes-russia/": _s("Reuters via Rappler", WIRE, "en"),
    "https://www.eastcoastdaily.in/2022/03/24/unga-isolates-russia-overwhelmingly-once-"
    "again.html": _s("Reuters via East Coast Daily", WIRE, "en"),
    "https://www.business-standard.com/external-affairs-defence-security/news/india-abstains-"
    "from-unga-vote-calling-for-ceasefire-between-russia-ukraine-126022500072_1.html": _s(
        "PTI via Business Standard", WIRE, "en"
    ),
    "https://www.businesstoday.in/world/story/india-china-abstain-us-russia-vote-against-un-"
    "resolution-on-ukraine-war-465815-2025-02-25": _s("PTI via Business Today", WIRE, "en"),
    "https://news.livedoor.com/topics/detail/30646815/": _s("Kyodo via livedoor News", WIRE, "ja"),
    "https://www.eluniversal.com.mx/mundo/onu-aprueba-alto-el-fuego-inmediato-entre-ucrania-y-"
    "rusia-107-paises-respaldan-resolucion-en-cuarto-ano-de-guerra/": _s(
        "EFE via El Universal", WIRE, "es"
    ),
    "https://unotv.com/internacional/onu-condena-anexiones-rusas-en-ucrania-mexico-vota-a-favor-"
    "de-resolucion": _s("EFE via Uno TV", WIRE, "es"),
    "https://www.daytondailynews.com/nation-world/un-rejects-us-resolution-urging-an-end-to-the-"
    "war-in-ukraine-without-noting-russian-aggression/Q6X6VQKTSNGSDELN6L2VTJKZLA/": _s(
        "AP via Dayton Daily News", WIRE, "en"
    ),
    "https://1lurer.am/en/2023/02/24/United-Nations-passed-resolution-calling-on-Russia-to-"
    "withdraw-its-troops-from-Ukraine-and-end-war/886953": _s("AP via 1lurer.am", WIRE, "en"),
    "https://www.khaosodenglish.com/news/2023/02/24/un-approves-resolution-calling-for-russia-"
    "to-leave-ukraine/": _s("AP via Khaosod English", WIRE, "en"),
    "https://english.ahram.org.eg/News/464243.aspx": _s("AFP via Ahram Online", WIRE, "en"),
    "https://www.koreanewsgazette.com/un-general-assembly-calls-for-immediate-ceasefire-in-"
    "ukraine/": _s("Trend (citing Interfax) via Korea News Gazette", WIRE, "en"),
    "https://360.ru/news/mir/vengrija-i-serbija-progolosovali-v-oon-protiv-rossii/?page=2": _s(
        "RIA Novosti via 360.ru", WIRE, "ru"
    ),
    "https://www.watson.ch/international/gesellschaft-politik/783094305-uno-vollversammlung-"
    "fordert-waffenruhe-und-frieden-in-ukraine": _s("SDA/Keystone via watson.ch", WIRE, "de"),
    "https://www.lalibre.be/dernieres-depeches/2023/02/23/invasion-de-lukraine-lassemblee-"
    "generale-de-lonu-exige-le-retrait-immediat-des-troupes-russes-dukraine-"
    "JWV3GFOSC5FVJCGEZTMW5WPOP4/": _s("Belga via La Libre Belgique", WIRE, "fr"),
    "https://www.dagsavisen.no/nyheter/verden/2025/02/24/usas-ukraina-resolusjon-avvist-av-fns-"
    "hovedforsamling/": _s("NTB via Dagsavisen", WIRE, "no"),
    "https://english.nepalpress.com/2022/10/13/nepal-votes-in-favor-of-ukraine/": _s(
        "RSS (Rastriya Samachar Samiti) via Nepal Press", WIRE, "en"
    ),
    "https://maghress.com/fr/yabiladi/137365": _s("Yabiladi via Maghress", MEDIA, "fr"),
    "https://maghress.com/fr/al3omkfr/23740": _s("Al3omk via Maghress", MEDIA, "fr"),
    "http://cryer.org.uk/United_Nations_General_Assembly_resolution_68%2f39": _s(
        "cryer.org.uk (encyclopedia-style copy page)",
        OTHER,
        "en",
        "the address says 68/39, but the page is the article on resolution 68/262 (checked: "
        "its summary box gives 68/262, 27 March 2014, 100-11-58)",
    ),
}

_LANG = re.compile(r"^[a-z]{2}$")
for _key, _src in [*DOMAINS.items(), *SYNDICATED.items()]:
    if _src.tier not in TIERS or not _LANG.match(_src.language) or not _src.publisher:
        raise SystemExit(f"bad table entry for {_key!r}: {_src}")


def host_of(url: str) -> str:
    """Return the lower-case host of ``url`` without a leading ``www.``."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def describe(url: str) -> Source | None:
    """Return the description of ``url``, or ``None`` if its host is not mapped."""
    if url in SYNDICATED:
        return SYNDICATED[url]
    labels = host_of(url).split(".")
    for i in range(len(labels) - 1):
        found = DOMAINS.get(".".join(labels[i:]))
        if found is None:
            continue
        if found.publisher == "GitHub":
            parts = [p for p in urlsplit(url).path.split("/") if p]
            if len(parts) >= 2:
                repo = f"{parts[0]}/{parts[1]}"
                if repo in UNDL_COPY_REPOS:
                    return Source(
                        f"UN Digital Library voting records via GitHub: {repo}",
                        UN_COPY,
                        found.language,
                        "third-party reproduction of the UN record; row totals checked "
                        "against the official totals",
                    )
                return Source(f"GitHub: {repo}", found.tier, found.language)
        return found
    return None


def doubt(url: str, cited_in: set[str]) -> str:
    """Return why ``url`` is a doubtful address, or ``""`` if it is not."""
    for pattern, reason in DOUBTFUL:
        if re.search(pattern, url):
            if reason.startswith("a site's home page") and not cited_in & PAGE_LEVEL_FILES:
                continue
            return reason
    return ""


def split_cell(value: str) -> list[str]:
    """Return the URLs in one cell (normally one; ``;`` or spaces separate several)."""
    return [part for part in re.split(r"[;\s]+", value.strip()) if part]


def collect(paths: list[tuple[Path, str]]) -> tuple[dict[str, set[str]], list[str]]:
    """Map each URL to the labels of the files citing it; also return problems."""
    cited: dict[str, set[str]] = defaultdict(set)
    problems: list[str] = []
    for path, label in paths:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            columns = [c for c in URL_COLUMNS if c in (reader.fieldnames or [])]
            for line, row in enumerate(reader, start=2):
                for col in columns:
                    urls = split_cell(row.get(col) or "")
                    if not all(u.startswith(("http://", "https://")) for u in urls):
                        problems.append(f"{path}:{line}: {col} is not a URL: {row[col]!r}")
                        continue
                    for url in urls:
                        cited[url].add(label)
    return cited, problems


def input_files(dossier: Path) -> list[tuple[Path, str]]:
    """The CSV files to scan, each with the label shown in the ``note`` column."""
    paths = [(ROOT / "data" / n, n) for n in DATA_FILES if (ROOT / "data" / n).is_file()]
    paths += [
        (p, f"tools/extra_votes/{p.name}")
        for p in sorted((ROOT / "tools" / "extra_votes").glob("*.csv"))
    ]
    paths += [(p, DOSSIER_LABEL) for p in sorted(dossier.glob("*.csv"))]
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dossier",
        type=Path,
        default=ROOT.parent / "shared" / "research" / "votes",
        help="folder with the research dossier's CSVs",
    )
    parser.add_argument(
        "--output", type=Path, default=ROOT / "data" / "sources.csv", help="file to write"
    )
    args = parser.parse_args(argv)
    if not args.dossier.is_dir():
        print(f"dossier folder not found: {args.dossier} (use --dossier)", file=sys.stderr)
        return 1

    files = input_files(args.dossier)
    cited, problems = collect(files)
    unmapped: dict[str, str] = {}
    for url in sorted(cited):
        if describe(url) is None:
            unmapped.setdefault(host_of(url) or url, url)
    if unmapped:
        problems.append(
            "unmapped hosts - add them to DOMAINS (or the URL to SYNDICATED):\n"
            + "\n".join(f"  {host}  (e.g. {example})" for host, example in sorted(unmapped.items()))
        )
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    rows: list[dict[str, str]] = []
    for n, url in enumerate(sorted(cited), start=1):
        src = describe(url)
        assert src is not None
        project = sorted(label for label in cited[url] if label != DOSSIER_LABEL)
        where = ", ".join(project) if project else f"{DOSSIER_LABEL} only"
        notes = [src.note] if src.note else []
        # the dossier's URLs are per-vote citations, so they must lead to the page too
        page_level = {"votes.csv"} if DOSSIER_LABEL in cited[url] else set()
        if reason := doubt(url, cited[url] | page_level):
            notes.insert(0, f"doubtful address: {reason}")
        notes.append(f"cited in: {where}")
        note = "; ".join(notes)
        rows.append(
            {
                "source_id": f"SRC-{n:04d}",
                "url": url,
                "publisher": src.publisher,
                "tier": src.tier,
                "language": src.language,
                "note": note,
            }
        )
    with open(args.output, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tiers = {t: sum(r["tier"] == t for r in rows) for t in TIERS}
    print(f"scanned {len(files)} files; wrote {len(rows)} sources to {args.output}; tiers: {tiers}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
