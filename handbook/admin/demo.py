"""Demo of the reorganisation of 1 July 2025 (Quy định 294-QĐ/TW of 26/05/2025; Nghị quyết
202/2025/QH15), made with the merges an admin makes: the department merged into another
(its organisation into theirs, its office cell into cell 2, whose June meeting keeps its name),
the bloc committee closed into "Đảng bộ UBND tỉnh" beside the new "Đảng bộ các cơ quan Đảng
tỉnh", and the district gone: its two communes merged, renamed and put directly under the
province. Idempotent: done once the old bloc committee is closed."""

from datetime import date

from handbook.admin.lineage import merge, plan_merge
from handbook.admin.models import MembershipChange
from handbook.admin.orgs import rename_org, reparent
from handbook.extensions import db
from handbook.orgs.models import create_org

DAY = date(2025, 7, 1)
PARTY_AGENCIES = "Đảng bộ các cơ quan Đảng tỉnh (demo)"
GOVERNMENT = "Đảng bộ UBND tỉnh (demo)"
DISTRICT = "Đảng bộ huyện Tân Sơn (demo)"
COMMUNES = ("Đảng bộ xã Tân Lập (demo)", "Đảng bộ xã Tân Hòa (demo)")
COMMUNE = "Đảng bộ xã Tân Sơn (demo)"  # the merged commune's name since the day


def seed(ctx) -> None:
    if ctx["old_bloc"].closed:
        return
    province, actor = ctx["bloc"], ctx["users"]["capuy"]
    district = create_org(DISTRICT, "bloc", province)
    commune, other_commune = (create_org(name, "base", district) for name in COMMUNES)
    government = create_org(GOVERNMENT, "bloc", province, valid_from=DAY)
    create_org(PARTY_AGENCIES, "bloc", province, valid_from=DAY)
    cell_merge = merge(plan_merge(ctx["old_cell"], ctx["cell2"], DAY, actor), actor)
    # Accounts are made in their cells of today (handbook/demo.py): dangvien3's move with his
    # old cell is written as the merge writes one.
    db.session.add(MembershipChange(user_id=ctx["users"]["dangvien3"].id, from_cell_id=ctx["old_cell"].id,
                                    to_cell_id=ctx["cell2"].id, changed_by_id=actor.id, link_id=cell_merge.id))
    for source, target in ((ctx["old_base"], ctx["base"]), (ctx["old_bloc"], government),
                           (other_commune, commune)):
        merge(plan_merge(source, target, DAY, actor), actor)
    # No district level since the day: the commune sits directly under the province.
    reparent(commune, province, DAY)
    rename_org(commune, COMMUNE, DAY)
    district.closed, district.valid_to = True, DAY
