//! The trials view's inputs (CONTRACT.md, `#/trials`, and the additions listed in the README):
//! a search, filters and the sort order. Filter values are checked against the data by the
//! trials domain.

use super::{Choice, Default, Input, Kind, Table};
use crate::tr;

const fn text(name: &'static str, label: crate::i18n::Text) -> Input {
    Input {
        name,
        label,
        kind: Kind::Text,
        patient: false,
        hint: None,
        default: Default::None,
    }
}

pub static QUERY: Input = text("q", tr!("Search", "搜索"));
pub static DRUG: Input = text("drug", tr!("Drug", "药物"));
pub static TUMOUR: Input = text("tumor", tr!("Tumour", "肿瘤"));
pub static PHASE: Input = text("phase", tr!("Phase", "分期"));
pub static ENDPOINT: Input = text("endpoint", tr!("Reports", "报告终点"));
pub static LINE: Input = text("line", tr!("Line of therapy", "治疗线数"));
pub static SORT: Input = text("sort", tr!("Sort by", "排序依据"));

pub static EVIDENCE: Input = Input {
    name: "evidence",
    label: tr!("Kind of source", "来源类型"),
    kind: Kind::Choice(&[
        Choice {
            code: "peer-reviewed",
            label: tr!("peer-reviewed journal", "同行评审期刊"),
        },
        Choice {
            code: "congress",
            label: tr!("congress abstract or presentation", "学术会议摘要或报告"),
        },
        Choice {
            code: "company",
            label: tr!("company release", "公司新闻稿"),
        },
        Choice {
            code: "review",
            label: tr!("review article", "综述文章"),
        },
    ]),
    patient: false,
    hint: None,
    default: Default::None,
};

pub static DIRECTION: Input = Input {
    name: "dir",
    label: tr!("Sort direction", "排序方向"),
    kind: Kind::Choice(&[
        Choice {
            code: "asc",
            label: tr!("ascending", "升序"),
        },
        Choice {
            code: "desc",
            label: tr!("descending", "降序"),
        },
    ]),
    patient: false,
    hint: None,
    default: Default::Code("asc"),
};

/// Every input of the trials view, in the order a link writes them.
pub static TABLE: Table = &[
    &QUERY, &DRUG, &TUMOUR, &PHASE, &ENDPOINT, &EVIDENCE, &LINE, &SORT, &DIRECTION,
];
