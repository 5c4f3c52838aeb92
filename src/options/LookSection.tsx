/** How names look: underline style, a colour per type, the card's theme and the hover delay. */

import { ENTITY_TYPES } from '../core/glossary-types.js';
import { HIGHLIGHT_STYLES, PALETTE, PALETTE_COLOURS, type HighlightStyle, type PaletteColour } from '../core/highlight-styles.js';
import { HOVER_DELAY_RANGE, type Settings } from '../core/settings.js';
import { TYPE_STYLES } from '../ui/entity-types.js';
import { t, type MessageKey } from '../ui/i18n.js';
import { Radio, Section } from './fields.js';

const STYLE_LABELS: Record<HighlightStyle, MessageKey> = {
  dotted: 'styleDotted',
  solid: 'styleSolid',
  dashed: 'styleDashed',
  wavy: 'styleWavy',
  tint: 'styleTint',
  hover: 'styleHover',
};

const COLOUR_LABELS: Record<PaletteColour, MessageKey> = {
  teal: 'colourTeal',
  cyan: 'colourCyan',
  blue: 'colourBlue',
  indigo: 'colourIndigo',
  purple: 'colourPurple',
  rose: 'colourRose',
  red: 'colourRed',
  amber: 'colourAmber',
  ochre: 'colourOchre',
  green: 'colourGreen',
  slate: 'colourSlate',
};

/** A sample name drawn as the page would draw it (in the interface's language: Idlib, إدلب). */
function Sample({ style, colour }: { style: HighlightStyle; colour: PaletteColour }) {
  const hex = PALETTE[colour];
  const css =
    style === 'tint'
      ? { backgroundColor: `${hex}29` }
      : style === 'hover'
        ? {}
        : { textDecoration: `underline ${style} 1.5px ${hex}`, textUnderlineOffset: '3px' };
  return (
    <span class="sample" style={css} aria-hidden="true">
      {t('lookSampleName')}
    </span>
  );
}

export function LookSection({ settings, save }: { settings: Settings; save: (s: Settings) => void }) {
  return (
    <Section id="look" title={t('lookTitle')}>
      <fieldset>
        <legend>{t('lookStyleLegend')}</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <Radio key={style} name="style" value={style} current={settings.highlightStyle} onPick={(highlightStyle) => save({ ...settings, highlightStyle })}>
            {t(STYLE_LABELS[style])} <Sample style={style} colour="teal" />
          </Radio>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('lookColoursLegend')}</legend>
        <div class="colours">
          {ENTITY_TYPES.map((type) => (
            <div class="field" key={type}>
              <label for={`colour-${type}`}>{TYPE_STYLES[type].label}</label>
              <select
                id={`colour-${type}`}
                value={settings.colours[type]}
                onChange={(e) => save({ ...settings, colours: { ...settings.colours, [type]: (e.target as HTMLSelectElement).value as PaletteColour } })}
              >
                {PALETTE_COLOURS.map((colour) => (
                  <option key={colour} value={colour}>
                    {t(COLOUR_LABELS[colour])}
                  </option>
                ))}
              </select>{' '}
              <Sample style={settings.highlightStyle === 'hover' ? 'solid' : settings.highlightStyle} colour={settings.colours[type]} />
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('lookThemeLegend')}</legend>
        <Radio name="theme" value="auto" current={settings.theme} onPick={(theme) => save({ ...settings, theme })}>
          {t('themeAuto')}
        </Radio>
        <Radio name="theme" value="light" current={settings.theme} onPick={(theme) => save({ ...settings, theme })}>
          {t('themeLight')}
        </Radio>
        <Radio name="theme" value="dark" current={settings.theme} onPick={(theme) => save({ ...settings, theme })}>
          {t('themeDark')}
        </Radio>
      </fieldset>
      <div class="field">
        <label for="hover-delay">{t('hoverDelayLabel')}</label>{' '}
        <input
          id="hover-delay"
          type="range"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={50}
          value={settings.hoverDelayMs}
          aria-valuetext={t('milliseconds', settings.hoverDelayMs)}
          onChange={(e) => save({ ...settings, hoverDelayMs: Number((e.target as HTMLInputElement).value) })}
        />{' '}
        <output for="hover-delay">{t('milliseconds', settings.hoverDelayMs)}</output>
      </div>
    </Section>
  );
}
