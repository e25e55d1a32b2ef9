import { privacyStrings } from '@/lib/i18n/privacy';
import type { Language } from '@/lib/language';

/** 关于与隐私: the version and the privacy policy, as a shop admin or a store reviewer reads it. */
export function AboutPage({ language }: { language: Language }) {
  const p = privacyStrings(language);
  return (
    <article class="about" aria-labelledby="about-title">
      <h2 id="about-title">{p.title}</h2>
      <p class="muted small">
        {p.version(browser.runtime.getManifest().version)} · {p.updated}
      </p>
      {p.intro.map((text) => (
        <p class="about-text" key={text}>
          {text}
        </p>
      ))}
      {p.sections.map((section) => (
        <section key={section.heading}>
          <h3>{section.heading}</h3>
          {section.paragraphs.map((text) => (
            <p class="about-text" key={text}>
              {text}
            </p>
          ))}
          {section.items.length > 0 && (
            <ul>
              {section.items.map((text) => (
                <li class="about-text" key={text}>
                  {text}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </article>
  );
}
