/** The Mantine theme: calm neutrals with an indigo accent, system fonts (no web fonts under the CSP), named close buttons. */
import { ColorInput, Combobox, createTheme, Drawer, Modal, Notification, Popover } from '@mantine/core';
import { contrastVariantResolver } from './themeColors';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Mantine's close buttons are icon-only; without a name a screen reader announces just "button". */
const closeButtonProps = { 'aria-label': 'Close' };

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 in light mode: white text on indigo 6 is 4.3:1, below WCAG AA (themeColors.ts raises the other colours).
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: FONT,
  headings: { fontFamily: FONT },
  cursorType: 'pointer',
  variantColorResolver: contrastVariantResolver,
  // Focus rings only for keyboard focus (global.css draws them, visible on light and dark).
  focusRing: 'auto',
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
    ColorInput: ColorInput.extend({ defaultProps: { eyeDropperButtonProps: { 'aria-label': 'Pick a colour from the screen' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } }),
    // Closing a popover (Escape, or after picking) gives focus back to the button that opened it.
    Popover: Popover.extend({ defaultProps: { returnFocus: true } }),
    // But not a combobox's list (Select, TagsInput, MultiSelect are popovers inside): the focus never leaves their
    // input, and when it moves on without a press (focus(), a screen reader) the list closes on the blur and Mantine
    // handed the focus back 10 ms later, so the next keys typed into the note went into the tags field.
    Combobox: Combobox.extend({ defaultProps: { returnFocus: false } }),
  },
});
