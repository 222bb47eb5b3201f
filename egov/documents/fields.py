"""Form fields shared by the e-office forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

#: What the file pickers offer; the bytes are checked by ``filecheck`` whatever the name.
ACCEPTED_FILES = ".pdf,.doc,.docx,.odt,.xls,.xlsx,.png,.jpg,.jpeg,.tif,.tiff"


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; the first is the main text. The action checks each
    file's bytes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPTED_FILES}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]
