"""Hand-made claims for tests of the stages after extraction."""

from factcheck.model import Claim


def claim(
    doc="a.txt",
    value=5000.0,
    low=None,
    high=None,
    qualifier="exact",
    noun="troops",
    sentence="The U.S. has 5,000 troops in Iraq.",
    text=None,
    kind="count",
    start=13,
    time=None,
    unit=None,
    si_unit=None,
    **extra,
) -> Claim:
    lo = extra.pop("interval_low", low if low is not None else value)
    hi = extra.pop("interval_high", high if high is not None else value)
    return Claim(
        doc=doc,
        start=start,
        end=start + len(text or "5,000 troops"),
        text=text or "5,000 troops",
        kind=kind,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit=unit,
        noun=noun,
        sentence=sentence,
        line=1,
        si_value=value,
        si_unit=si_unit,
        dimension="count",
        interval_low=lo,
        interval_high=hi,
        time=time,
        time_source="text" if time else None,
        **extra,
    )
