"""Official e-mail: mailboxes on the province's domain that follow the staff register,
provisioned on a real mail server through an adapter (decision 0011)."""
