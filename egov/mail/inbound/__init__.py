"""Reading mail: parse a raw message (:mod:`.parse`), decode legacy Vietnamese subjects
(:mod:`.legacy`), scan attachments with ClamAV (:mod:`.clamav`)."""
