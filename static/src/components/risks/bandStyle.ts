/** How a risk band looks: its background token (from the band scale), text token and lozenge. No React here. */
import type { RiskBandDto, RiskBandScaleDto } from '../../../../src/contract';

export type BandAppearance = 'success' | 'moved' | 'removed';

const DEFAULT_TOKEN: Record<RiskBandDto, string> = {
  low: 'color.background.success',
  medium: 'color.background.warning',
  high: 'color.background.danger',
  critical: 'color.background.danger.bold',
};

/** Light-theme values, used only where the token stylesheet is missing. */
const FALLBACK: Record<string, string> = {
  'color.background.success': '#DCFFF1',
  'color.background.success.bold': '#1F845A',
  'color.background.warning': '#FFF7D6',
  'color.background.warning.bold': '#F5CD47',
  'color.background.danger': '#FFECEB',
  'color.background.danger.bold': '#C9372C',
  'color.background.discovery': '#F3F0FF',
  'color.background.discovery.bold': '#6E5DC6',
  'color.background.neutral': '#091E420F',
};

const TOKEN_NAME = /^color\.[a-z]+(\.[a-z]+)*$/;

export interface BandStyle {
  background: string;
  backgroundFallback: string;
  text: 'color.text' | 'color.text.inverse' | 'color.text.warning.inverse';
  textFallback: string;
}

/** The band's own token when it reads as one, else the default for its name; bold backgrounds take inverse text. */
export function bandStyle(name: RiskBandDto, scale: readonly RiskBandScaleDto[]): BandStyle {
  const configured = scale.find((band) => band.name === name)?.color;
  const background = configured && TOKEN_NAME.test(configured) ? configured : DEFAULT_TOKEN[name];
  const isBold = /\.bold(er|est)?$/.test(background);
  const isWarningBold = isBold && background.startsWith('color.background.warning');
  return {
    background,
    backgroundFallback: FALLBACK[background] ?? FALLBACK[DEFAULT_TOKEN[name]] ?? '#F1F2F4',
    text: isWarningBold ? 'color.text.warning.inverse' : isBold ? 'color.text.inverse' : 'color.text',
    textFallback: isBold && !isWarningBold ? '#FFFFFF' : '#172B4D',
  };
}

const APPEARANCE: Record<RiskBandDto, BandAppearance> = { low: 'success', medium: 'moved', high: 'removed', critical: 'removed' };

/** The lozenge of a band: critical is the bold red one. */
export const bandLozenge = (band: RiskBandDto): { appearance: BandAppearance; isBold: boolean } => ({ appearance: APPEARANCE[band], isBold: band === 'critical' });
