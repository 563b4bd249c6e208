"""IMO check digits, MMSI and BIC rules."""

from __future__ import annotations

from chokepoint.screening.identifiers import identifier_set, imo_check_digit_ok, normalize_identifier


def test_imo_check_digit() -> None:
    assert imo_check_digit_ok("9187629")  # ARTAVIL, OFAC SDN
    assert not imo_check_digit_ok("9187628")
    assert normalize_identifier("imo", "IMO 8660313") == "8660313"
    assert normalize_identifier("imo", "IMO 8660314") is None


def test_mmsi_needs_nine_digits_and_a_ship_mid() -> None:
    assert normalize_identifier("mmsi", "445548000") == "445548000"
    assert normalize_identifier("mmsi", "045548000") is None


def test_bic_primary_office_forms_compare_equal() -> None:
    assert normalize_identifier("bic", "KKBCKPPYXXX") == normalize_identifier("bic", "kkbc kp py")


def test_identifier_set_groups_by_kind_and_drops_invalid_values() -> None:
    found = identifier_set(
        [("imoNumber", "IMO9187629"), ("imoNumber", "123"), ("passportNumber", "PD 381420105")]
    )
    assert found == {"imo": {"9187629"}, "passport": {"PD381420105"}}
