from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    PROVINCE_COMMITTEE = "province_committee", _("UBND tỉnh/thành phố")
    PROVINCE_COUNCIL = "province_council", _("HĐND tỉnh/thành phố")
    AGENCY = "agency", _("Sở, ban, ngành")
    CENTRAL_BRANCH = "central_branch", _("Cơ quan trung ương đóng tại địa phương")
    DISTRICT_COMMITTEE = "district_committee", _("UBND huyện, thị xã, thành phố (trước 2025)")
    COMMUNE_COMMITTEE = "commune_committee", _("UBND xã, phường, đặc khu")
    DIVISION = "division", _("Phòng, ban, đơn vị trực thuộc")
    SERVICE_CENTRE = "service_centre", _("Trung tâm phục vụ hành chính công")
    PUBLIC_SERVICE_UNIT = "public_service_unit", _("Đơn vị sự nghiệp")


class AreaLevel(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


class EventKind(models.TextChoices):
    CREATE = "create", _("Thành lập")
    RENAME = "rename", _("Đổi tên")
    MOVE = "move", _("Chuyển trực thuộc")
    MERGE = "merge", _("Hợp nhất, sáp nhập")
    SPLIT = "split", _("Chia tách")
    DISSOLVE = "dissolve", _("Giải thể")
    UPDATE = "update", _("Cập nhật thông tin")


class LinkRole(models.TextChoices):
    SOURCE = "source", _("Đơn vị trước")
    TARGET = "target", _("Đơn vị sau")


class StaffEventKind(models.TextChoices):
    HIRE = "hire", _("Tuyển dụng, tiếp nhận")
    TRANSFER = "transfer", _("Điều động, luân chuyển")
    POSITION = "position", _("Bổ nhiệm, thay đổi chức vụ")
    LEAVE = "leave", _("Nghỉ phép dài hạn, tạm nghỉ")
    RETURN = "return", _("Trở lại làm việc")
    RETIRE = "retire", _("Nghỉ hưu")
    RESIGN = "resign", _("Thôi việc")


class StaffStatus(models.TextChoices):
    ACTIVE = "active", _("Đang công tác")
    ON_LEAVE = "on_leave", _("Tạm nghỉ")
    RETIRED = "retired", _("Đã nghỉ hưu")
    LEFT = "left", _("Đã thôi việc")


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")
    OTHER = "other", _("Khác")


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", _("Quản trị hệ thống")
    UNIT_ADMIN = "unit_admin", _("Quản trị đơn vị")
    LEADER = "leader", _("Lãnh đạo")
    CLERK = "clerk", _("Văn thư")
    SPECIALIST = "specialist", _("Chuyên viên")
    REPORTER = "reporter", _("Cán bộ báo cáo KT-XH")
    PORTAL_EDITOR = "portal_editor", _("Biên tập viên cổng thông tin")
    ONESTOP_OFFICER = "onestop_officer", _("Cán bộ một cửa")
    INSPECTOR = "inspector", _("Thanh tra, kiểm tra")


#: Roles that administer and therefore must use two-factor authentication.
ADMIN_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.UNIT_ADMIN})
