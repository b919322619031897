"""find_country accepts codes and names in any case and suggests close matches."""

from __future__ import annotations

import pytest

import unga_teach as ut


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("turkiye", "TUR"),
        ("russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("UK", "GBR"),
        ("DPRK", "PRK"),
        ("North Korea", "PRK"),
        ("South Korea", "KOR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("USA", "USA"),
        ("us", "USA"),
        ("FR", "FRA"),
        ("fra", "FRA"),
        ("250", "FRA"),
        ("004", "AFG"),
        ("4", "AFG"),
        ("  bolivia ", "BOL"),
        ("Netherlands", "NLD"),
        ("Vietnam", "VNM"),
        ("Czech Republic", "CZE"),
        ("DR Congo", "COD"),
        ("Congo", "COG"),
        ("Holy See", "VAT"),
        ("Palestine", "PSE"),
    ],
)
def test_accepted_names(text: str, iso3: str) -> None:
    assert ut.find_country(text).iso3 == iso3


def test_observers_are_flagged() -> None:
    assert not ut.find_country("Holy See").is_member
    assert ut.find_country("France").is_member


@pytest.mark.parametrize(("typo", "suggestion"), [("Frnace", "France"), ("Ukriane", "Ukraine"),
                                                  ("Hungry", "Hungary")])
def test_typos_get_close_matches(typo: str, suggestion: str) -> None:
    with pytest.raises(ut.UnknownCountryError) as info:
        ut.find_country(typo)
    assert suggestion in info.value.suggestions
    assert suggestion in str(info.value)
    assert "ISO3" in str(info.value)


@pytest.mark.parametrize("bad", ["", "   ", "Atlantis"])
def test_no_match_raises(bad: str) -> None:
    with pytest.raises(ut.UnknownCountryError):
        ut.find_country(bad)


def test_every_dossier_name_resolves() -> None:
    votes = ut.load_votes()
    for name in votes["name"].unique():
        assert ut.find_country(str(name)).name == name
