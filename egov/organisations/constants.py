import re

#: Old QCVN 102:2016 organ code: 13 characters, bottom-up, e.g. ``000.00.00.H01``.
ORGAN_CODE_OLD = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-K]\d{2}$")
#: New dotted top-down organ code (QĐ 20/2020 as amended by QĐ 09/2025), e.g. ``H01.151.01``.
ORGAN_CODE_NEW = re.compile(r"^[A-K]\d{2}(\.[0-9]{1,4}){0,8}$")
ORGAN_CODE_MAX_LENGTH = 35

#: Notation abbreviations (``UBND``, ``TTTH``, ``SNV``): capital letters, digits and Đ.
ABBREVIATION = re.compile(r"^[A-ZĐ0-9]{1,20}$")

#: Materialised-path step length: 36**4 = 1.6 million children per unit.
TREE_STEPLEN = 4
