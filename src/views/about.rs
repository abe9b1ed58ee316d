//! About: what the app is for, its sources, its version and the disclaimer.

use crate::i18n::Lang;
use crate::sources::document_name;
use crate::tr;
use yew::prelude::*;

#[function_component]
pub fn AboutView() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |text: crate::i18n::Text| text.get(lang);
    // After a document's name, before its description.
    let stop = match lang {
        Lang::En => ". ",
        Lang::ZhCn => "。",
    };
    html! {
        <section class="view">
            <h1>{t(tr!("About ivocalc", "关于 ivocalc"))}</h1>
            <p class="purpose">{t(tr!("What this app is for, where its numbers come from, and what it is not.", "本应用的用途、数值来源及其局限。"))}</p>
            <h2>{t(tr!("Purpose", "用途"))}</h2>
            <p>{t(tr!(
                "ivocalc serves the people who work with ivonescimab (AK112), the first approved PD-1/VEGF bispecific antibody, and with its class, the PD-1(L1)/VEGF bispecific antibodies. It has three views:",
                "ivocalc 面向使用依沃西单抗（AK112，首个获批的 PD-1/VEGF 双特异性抗体）及同类 PD-1(L1)/VEGF 双特异性抗体的专业人员。共有三个页面："
            ))}</p>
            <ul>
                <li><a href="#/dose">{t(tr!("Dose", "剂量"))}</a>{t(tr!(": weight-based ivonescimab dosing (mg/kg) with vial maths, and the chemotherapy partners of its regimens (mg/m², Calvert carboplatin).", "：按体重（mg/kg）计算依沃西单抗剂量及药瓶用量，并计算各方案中的联合化疗药物（mg/m²，卡铂按 Calvert 公式）。"))}</li>
                <li><a href="#/pk">{t(tr!("PK", "药代动力学"))}</a>{t(tr!(": the concentration-time curve of a regimen, exposure metrics and population bands.", "：给药方案的血药浓度-时间曲线、暴露量指标及群体区间带。"))}</li>
                <li><a href="#/trials">{t(tr!("Trials", "临床试验"))}</a>{t(tr!(": published outcomes (ORR, DCR, PFS, OS, HR, adverse events) with the source of every number.", "：已发表的疗效与安全性结果（ORR、DCR、PFS、OS、HR、不良事件），每个数字均注明来源。"))}</li>
            </ul>
            <h2>{t(tr!("Sources", "来源"))}</h2>
            <p>{t(tr!(
                "Every default, model parameter and outcome in the app names its source: the document, the table or section, and the figure as printed there. Where the sources disagree or hold typos, the app shows both readings.",
                "应用中的每个默认值、模型参数和结果都注明来源：文献、表格或章节，以及原文中的数字。来源之间不一致或有笔误时，应用会同时列出。"
            ))}</p>
            <ol class="sources">
                <li id="review"><strong>{document_name("seed-000").get(lang)}{stop}</strong>{t(tr!(
                    "Review: PD-1(L1)/VEGF bispecific antibodies in solid tumours, with ivonescimab as the first approved of the class (sections: Pharmacokinetics, Pharmacodynamics, clinical studies by tumour, safety; Tables 1–3). The text held by the project does not carry its authors, journal or year; its reference numbers are cited as printed, e.g. “(16)”.",
                    "综述：实体瘤中的 PD-1(L1)/VEGF 双特异性抗体，依沃西单抗为该类中首个获批者（章节：药代动力学、药效学、按肿瘤分类的临床研究、安全性；表 1–3）。本项目所持文本未载明作者、期刊或年份；其参考文献编号按原文引用，如“(16)”。"
                ))}</li>
                <li id="vallathol"><strong>{document_name("seed-001").get(lang)}{stop}</strong><span lang="en">{"Vallathol DH, Menon A, Warriar AR. Ivonescimab: the two pronged attack. Indian Journal of Medical and Paediatric Oncology, 2025. doi:10.1055/s-0045-1809539 (open access, CC BY 4.0)."}</span></li>
            </ol>
            <p>{t(tr!(
                "Other sources are named at the figures that use them: the China label for ivonescimab (依达方) for the vial presentation; the labels of pemetrexed, carboplatin and cisplatin and FDA's carboplatin dosing note for the kidney checks; population PK models of pembrolizumab (Ahamadi et al., CPT Pharmacometrics Syst Pharmacol 2017;6:49), nivolumab (Bajaj et al., CPT Pharmacometrics Syst Pharmacol 2017;6:58) and a survey of anti-PD-1 models (Shang et al., Front Immunol 2022;13:871372) where no ivonescimab value is published; and the journal articles, congress abstracts and company releases of the trials published after the reviews, each with the public page where it was read and its date.",
                "其他来源在使用它们的数字处注明：药瓶规格来自依沃西单抗（依达方）中国说明书；肾功能核查来自培美曲塞、卡铂、顺铂的说明书及 FDA 卡铂剂量说明；未发表依沃西单抗数值之处，采用帕博利珠单抗（Ahamadi 等，CPT Pharmacometrics Syst Pharmacol 2017;6:49）、纳武利尤单抗（Bajaj 等，CPT Pharmacometrics Syst Pharmacol 2017;6:58）的群体药代动力学模型及抗 PD-1 模型综述（Shang 等，Front Immunol 2022;13:871372）；两篇综述之后发表的试验结果来自期刊论文、学术会议摘要和公司新闻稿，均注明查阅的公开网页及日期。"
            ))}</p>
            <h2>{t(tr!("Disclaimer", "免责声明"))}</h2>
            <p class="disclaimer">{t(tr!(
                "ivocalc is decision support for health professionals, not a prescription. The product label and clinical judgement rule: check every dose against the label, local protocols and the patient. Population PK curves are model predictions, not measurements; trial outcomes compared across trials differ in population, line, phase and country.",
                "ivocalc 是供医疗专业人员使用的决策支持工具，不是处方。以产品说明书和临床判断为准：每个剂量都须对照说明书、本地规范及患者情况核对。群体药代动力学曲线是模型预测而非实测；不同试验的结果在人群、治疗线数、分期和国家上各不相同。"
            ))}</p>
            <h2>{t(tr!("Privacy", "隐私"))}</h2>
            <p>{t(tr!(
                "The app runs entirely in your browser. What you type is never sent anywhere; the app loads only its own files, with no third-party scripts, fonts or trackers. Patient measurements enter a link only when you ask for a link with them. The chosen language is remembered in this browser.",
                "本应用完全在您的浏览器中运行。您输入的内容不会发送到任何地方；应用只加载自身文件，不含第三方脚本、字体或跟踪器。只有当您要求生成含患者数据的链接时，患者测量值才会写入链接。所选语言保存在本浏览器中。"
            ))}</p>
            <h2>{t(tr!("Version", "版本"))}</h2>
            <dl class="facts">
                <dt>{t(tr!("App version", "应用版本"))}</dt><dd data-testid="app-version">{crate::VERSION}</dd>
                <dt>{t(tr!("Data version", "数据版本"))}</dt>
                <dd data-testid="data-version">{crate::trials::data_version()}
                    <span class="hint">{t(tr!(" (FNV-1a 64-bit hash of data/trials.json, the trial outcomes file)", "（data/trials.json 试验结果文件的 FNV-1a 64 位哈希值）"))}</span></dd>
            </dl>
            <h2>{t(tr!("Offline use", "离线使用"))}</h2>
            <p>{t(tr!(
                "Once opened, ivocalc keeps a copy of itself in the browser and works with no network: every view loads and calculates offline, in both languages. Browsers offer to install it as an app. When a new version is published, the open app says so and offers to reload; until then it keeps running on the version it started with.",
                "打开一次后，ivocalc 会在浏览器中保存自身副本，无网络时也能使用：所有页面均可离线加载和计算，中英文皆可。浏览器可将其安装为应用。发布新版本时，已打开的应用会提示并提供重新加载；在此之前继续运行启动时的版本。"
            ))}</p>
        </section>
    }
}
