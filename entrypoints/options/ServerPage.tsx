import { useCallback, useEffect, useState } from 'preact/hooks';
import { ServerHistory } from '@/entrypoints/options/ServerHistory';
import type { Notice } from '@/entrypoints/options/shop';
import { errorText } from '@/lib/i18n/errors';
import { shopServerStrings } from '@/lib/i18n/shop-server';
import type { Language } from '@/lib/language';
import { callBackground } from '@/lib/messages/background';
import { type InviteAnswer, type ShopMember, serverOrigin, serverPermission } from '@/lib/shop-server/client';
import type { ServerStatus } from '@/lib/shop-server/status';
import '@/entrypoints/options/server.css';

interface Props {
  status: ServerStatus | null;
  onStatus: (status: ServerStatus) => void;
  language: Language;
  notify: (notice: Notice) => void;
}

/** 店铺服务器: the connection's state, and joining a shop with its address and a one-time code. */
export function ServerPage({ status, onStatus, language, notify }: Props) {
  const s = shopServerStrings(language);
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [setup, setSetup] = useState(false);
  const [shopName, setShopName] = useState('');
  const [adminName, setAdminName] = useState('');
  const [busy, setBusy] = useState(false);

  async function connect(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const origin = serverOrigin(serverUrl);
      // The prompt needs the click's user gesture: asked before anything else is awaited.
      const granted = await browser.permissions.request({ origins: [serverPermission(origin)] });
      if (!granted) {
        notify({ tone: 'error', text: errorText({ code: 'serverPermissionDenied' }, language) });
        return;
      }
      const next = await callBackground('connectServer', {
        serverUrl: origin,
        code: code.trim(),
        // What the admin's list of the shop's browsers shows for this one, e.g. "Chrome/131".
        label: /(Edg|Chrome|Firefox)\/\d+/.exec(navigator.userAgent)?.[0] ?? '',
        ...(setup ? { setup: { shopName: shopName.trim(), adminName: adminName.trim() } } : {}),
      });
      onStatus(next);
      setCode('');
      if (next.state !== 'none') notify({ tone: 'ok', text: s.connected(next.shopName) });
    } catch (error) {
      notify({ tone: 'error', text: errorText(error, language) });
    } finally {
      setBusy(false);
    }
  }

  async function disconnect() {
    if (!window.confirm(s.disconnectConfirm)) return;
    try {
      onStatus(await callBackground('disconnectServer', {}));
      notify({ tone: 'ok', text: s.disconnected });
    } catch (error) {
      notify({ tone: 'error', text: errorText(error, language) });
    }
  }

  const connectedOnce = status && status.state !== 'none';
  return (
    <div class="server">
      <section class="panel panel--wide" aria-labelledby="server-title">
        <h2 id="server-title">{s.title}</h2>
        <p class="muted">{s.intro}</p>
        <div class="server-state" data-state={status?.state ?? 'loading'} role="status">
          {!status ? null : status.state === 'none' ? (
            <p>{s.stateNone}</p>
          ) : (
            <>
              <p class="server-state-line">
                <strong>
                  {status.state === 'connected'
                    ? s.stateConnected(status.shopName, status.revision)
                    : status.state === 'connecting'
                      ? s.stateConnecting(status.shopName)
                      : status.state === 'offline'
                        ? s.stateOffline
                        : s.stateRefused}
                </strong>
              </p>
              {status.state === 'offline' && <p class="muted">{s.stateOfflineRevision(status.revision)}</p>}
              {status.reason && (
                <p class={`banner ${status.state === 'refused' ? 'banner--warn' : 'banner--muted'}`} role="alert">
                  {errorText(status.reason, language)}
                </p>
              )}
              <p class="muted small">{s.who(status.userName, status.role, status.serverUrl)}</p>
              <button type="button" class="btn" onClick={() => void disconnect()}>
                {s.disconnect}
              </button>
            </>
          )}
        </div>
      </section>

      {status?.state === 'connected' && status.role === 'admin' && (
        <>
          <ShopAdmin language={language} notify={notify} deviceId={status.deviceId} />
          <ServerHistory language={language} notify={notify} revision={status.revision} />
        </>
      )}

      {(!connectedOnce || status.state === 'refused') && (
        <section class="panel panel--wide" aria-labelledby="server-connect-title">
          <h2 id="server-connect-title">{s.connectTitle}</h2>
          <form class="server-form" onSubmit={(event) => void connect(event)}>
            <label class="setting">
              <span class="setting-label">{s.serverUrl}</span>
              <input
                class="input"
                name="serverUrl"
                type="url"
                required
                placeholder="http://127.0.0.1:8787"
                value={serverUrl}
                onInput={(event) => setServerUrl((event.target as HTMLInputElement).value)}
              />
            </label>
            <p class="muted small">{s.serverUrlHint}</p>
            <label class="fb-check">
              <input
                type="checkbox"
                name="setup"
                checked={setup}
                onChange={(event) => setSetup((event.target as HTMLInputElement).checked)}
              />
              {s.setupToggle}
            </label>
            <label class="setting">
              <span class="setting-label">{setup ? s.setupCode : s.code}</span>
              <input
                class="input"
                name="code"
                required
                autocomplete="off"
                value={code}
                onInput={(event) => setCode((event.target as HTMLInputElement).value)}
              />
            </label>
            {!setup && <p class="muted small">{s.codeHint}</p>}
            {setup && (
              <>
                <label class="setting">
                  <span class="setting-label">{s.shopName}</span>
                  <input
                    class="input"
                    name="shopName"
                    required
                    maxLength={80}
                    value={shopName}
                    onInput={(event) => setShopName((event.target as HTMLInputElement).value)}
                  />
                </label>
                <label class="setting">
                  <span class="setting-label">{s.adminName}</span>
                  <input
                    class="input"
                    name="adminName"
                    required
                    maxLength={80}
                    value={adminName}
                    onInput={(event) => setAdminName((event.target as HTMLInputElement).value)}
                  />
                </label>
              </>
            )}
            <p class="muted small">{s.permissionNote}</p>
            <button type="submit" class="btn btn-primary" disabled={busy}>
              {busy ? s.connecting : s.connect}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}

/** An admin's part: invitation codes for agents, and the shop's browsers with a button to disconnect each. */
function ShopAdmin({ language, notify, deviceId }: { language: Language; notify: Props['notify']; deviceId: string }) {
  const s = shopServerStrings(language);
  const [name, setName] = useState('');
  const [role, setRole] = useState<'agent' | 'admin'>('agent');
  const [invite, setInvite] = useState<InviteAnswer | null>(null);
  const [members, setMembers] = useState<ShopMember[] | null>(null);

  const refresh = useCallback(() => {
    callBackground('shopMembers', {}).then(setMembers, (error: unknown) =>
      notify({ tone: 'error', text: errorText(error, language) }),
    );
  }, [language, notify]);
  useEffect(refresh, [refresh]);

  async function makeInvite(event: Event) {
    event.preventDefault();
    try {
      setInvite(await callBackground('inviteToShop', { name: name.trim(), role }));
      setName('');
      refresh();
    } catch (error) {
      notify({ tone: 'error', text: errorText(error, language) });
    }
  }

  async function revoke(member: ShopMember, device: string) {
    if (!window.confirm(s.revokeConfirm(member.name))) return;
    try {
      setMembers(await callBackground('revokeShopDevice', { deviceId: device }));
      notify({ tone: 'ok', text: s.revoked });
    } catch (error) {
      notify({ tone: 'error', text: errorText(error, language) });
    }
  }

  const when = (at: string | null) => (at ? new Date(at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en') : null);
  return (
    <>
      <section class="panel panel--wide" aria-labelledby="server-invite-title">
        <h2 id="server-invite-title">{s.inviteTitle}</h2>
        <p class="muted">{s.inviteIntro}</p>
        <form class="server-form" onSubmit={(event) => void makeInvite(event)}>
          <label class="setting">
            <span class="setting-label">{s.inviteName}</span>
            <input
              class="input"
              name="inviteName"
              required
              maxLength={80}
              value={name}
              onInput={(event) => setName((event.target as HTMLInputElement).value)}
            />
          </label>
          <label class="setting">
            <span class="setting-label">{s.inviteRole}</span>
            <select
              class="input input--short"
              name="inviteRole"
              value={role}
              onChange={(event) => setRole((event.target as HTMLSelectElement).value as 'agent' | 'admin')}
            >
              <option value="agent">{s.roleAgent}</option>
              <option value="admin">{s.roleAdmin}</option>
            </select>
          </label>
          <button type="submit" class="btn btn-primary">
            {s.inviteButton}
          </button>
        </form>
        {invite && (
          <p class="server-invite" role="status">
            {s.inviteCode(invite.name)} <code class="server-invite-code">{invite.code}</code>
          </p>
        )}
      </section>

      <section class="panel panel--wide" aria-labelledby="server-members-title">
        <h2 id="server-members-title">{s.membersTitle}</h2>
        <button type="button" class="btn" onClick={refresh}>
          {s.membersRefresh}
        </button>
        <ul class="server-members">
          {members?.map((member) => (
            <li key={member.id} class="server-member">
              <strong>{member.name}</strong>（{member.role === 'admin' ? s.roleAdmin : s.roleAgent}）
              <ul>
                {member.devices.map((device) => (
                  <li key={device.id} class="server-device" data-device={device.id}>
                    {s.deviceLabel(device.label, when(device.lastSeenAt))}
                    {device.id === deviceId ? (
                      <span class="badge">{s.deviceThis}</span>
                    ) : device.revokedAt ? (
                      <span class="badge">{s.deviceRevoked}</span>
                    ) : (
                      <button type="button" class="btn" onClick={() => void revoke(member, device.id)}>
                        {s.revoke}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
