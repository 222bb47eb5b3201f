"""Fixed values of the accounts app."""

#: The name given to a TOTP device created by the enrolment page.
TOTP_DEVICE_NAME = "Ứng dụng xác thực"

#: Longest name of an API token (``ApiToken.name`` has max_length 100).
TOKEN_NAME_MAX_LENGTH = 100

#: Session flag set at login for a user who has a confirmed device: the code is then asked
#: even when the policy does not require two-factor authentication for that user.
OTP_REQUIRED_SESSION_KEY = "egov_otp_required"
