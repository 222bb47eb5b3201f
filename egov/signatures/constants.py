#: Signature field names in the PDF: the signer's and the organisation's (Phụ lục I).
SIGNER_FIELD = "NguoiKy"
ORGANISATION_FIELD = "CoQuan"
ATTACHMENT_FIELD = "CoQuanPhuLuc"
#: Largest signature image accepted (PNG).
MAX_IMAGE_BYTES = 1024 * 1024
#: Largest PKCS#12 file accepted.
MAX_PKCS12_BYTES = 64 * 1024
COPY_FIELD = "CoQuanBanSao"
