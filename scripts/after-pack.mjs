/** electron-builder afterPack hook: flips the fuses of the packaged binary (before signing), then reads them back. */
import { checkFuses, packagedBinary, setFuses } from './fuses.mjs';

/** electron-builder's Arch enum: arm64 = 3, universal = 4. Their ad-hoc signature breaks when the binary changes. */
const ARM_ARCHES = new Set([3, 4]);

export default async function afterPack(context) {
  const platform = context.electronPlatformName;
  const binary = packagedBinary({
    appOutDir: context.appOutDir,
    electronPlatformName: platform,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName,
  });
  await setFuses(binary, { resetAdHocDarwinSignature: platform === 'darwin' && ARM_ARCHES.has(context.arch) });
  const { wrong } = await checkFuses(binary);
  if (wrong.length > 0) throw new Error(`Fuses not set in ${binary}: ${wrong.join('; ')}`);
  console.log(`  • fuses set and verified in ${binary}`);
}
