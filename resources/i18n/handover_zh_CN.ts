<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddFeedDialog</name>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="135" />
        <source>Add a feed</source>
        <translation>添加数据源</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="136" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="136" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="136" />
        <source>Source name</source>
        <translation>数据源名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="137" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="137" />
        <source>Time zone of the file</source>
        <translation>文件时区</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="138" />
        <source>Threshold T (seconds)</source>
        <translation>阈值 T（秒）</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="138" />
        <source>Service level</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="139" />
        <source>Target %</source>
        <translation>目标 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="139" />
        <source>Mapping file</source>
        <translation>映射文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="140" />
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="142" />
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="143" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="144" />
        <source>The ACD keeps appending to this file: poll it</source>
        <translation>ACD 持续写入此文件：定时读取</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="145" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="146" />
        <source>Copy rejected lines</source>
        <translation>复制被拒行</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="147" />
        <source>Save rejected lines…</source>
        <translation>保存被拒行…</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="148" />
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="148" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="148" />
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="149" />
        <source>needed for interval reports; optional for other CSV exports</source>
        <translation>区间报表必填；其他 CSV 导出可选</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="180" />
        <source>Choose an ACD file</source>
        <translation>选择 ACD 文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="187" />
        <source>Choose a mapping file</source>
        <translation>选择映射文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="218" />
        <source>Choose a file and name the source.</source>
        <translation>请选择文件并填写数据源名称。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="241" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="266" />
        <source>{source} is live: {lines} lines read, {new} new calls; the window polls it from now on.</source>
        <translation>{source} 已设为实时：读取 {lines} 行，新增 {new} 通电话；此后由控制台定时读取。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="271" />
        <source>{n} intervals</source>
        <translation>{n} 个时段</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="272" />
        <source>{n} calls ({new} new, {known} already known)</source>
        <translation>{n} 通电话（新增 {new}，已有 {known}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="274" />
        <source>Imported {what} from {lines} lines into {source}; {rejected} lines rejected.</source>
        <translation>已从 {lines} 行导入 {what} 到 {source}；{rejected} 行被拒。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="278" />
        <source>Cancelled: the batches read so far are stored; import again to complete it.</source>
        <translation>已取消：已读取的批次已保存；再次导入即可完成。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="313" />
        <source>Save rejected lines</source>
        <translation>保存被拒行</translation>
    </message>
</context>
<context>
    <name>AgentsModel</name>
    <message>
        <location filename="../../app/ui/now/view.py" line="36" />
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="36" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="36" />
        <source>Pause reason</source>
        <translation>小休原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="36" />
        <source>For</source>
        <translation>持续</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="41" />
        <source>available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="42" />
        <source>on a call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="43" />
        <source>paused</source>
        <translation>小休</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="44" />
        <source>logged out</source>
        <translation>已登出</translation>
    </message>
</context>
<context>
    <name>EmptyStateView</name>
    <message>
        <location filename="../../app/ui/empty_state.py" line="46" />
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../app/ui/empty_state.py" line="49" />
        <source>Welcome to the Shift Handover Console</source>
        <translation>欢迎使用交接班控制台</translation>
    </message>
    <message>
        <location filename="../../app/ui/empty_state.py" line="52" />
        <source>There is no call data in this database yet. Load the demo to see a live floor with today's calls, or add a feed: a file exported by your ACD (call records, an Asterisk queue_log or an interval report).</source>
        <translation>此数据库中还没有话务数据。加载演示可查看带有今日来电的实时现场，或添加数据源：由 ACD 导出的文件（通话记录、Asterisk queue_log 或区间报表）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/empty_state.py" line="57" />
        <source>Load the demo</source>
        <translation>加载演示</translation>
    </message>
    <message>
        <location filename="../../app/ui/empty_state.py" line="58" />
        <source>Add a feed…</source>
        <translation>添加数据源…</translation>
    </message>
</context>
<context>
    <name>LiveFeeds</name>
    <message>
        <location filename="../../app/ui/live.py" line="119" />
        <source>{name}: waiting for the first poll</source>
        <translation>{name}：等待首次读取</translation>
    </message>
    <message>
        <location filename="../../app/ui/live.py" line="124" />
        <source>{name}: stale, no data yet</source>
        <translation>{name}：停滞，尚无数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/live.py" line="127" />
        <source>{name}: stale, last data {time}</source>
        <translation>{name}：停滞，最后数据 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/live.py" line="128" />
        <source>{name}: live, last data {time}</source>
        <translation>{name}：实时，最后数据 {time}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="112" />
        <source>Shift Handover Console</source>
        <translation>交接班控制台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="114" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="115" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="116" />
        <source>Main tool bar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185" />
        <source>Site: {name}</source>
        <translation>站点：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="187" />
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="187" />
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="197" />
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="210" />
        <source>The database is still opening; try again in a moment.</source>
        <translation>数据库仍在打开中，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>NowTiles</name>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="41" />
        <source>▼ below the target of {t:g} %</source>
        <translation>▼ 低于目标 {t:g} %</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="41" />
        <source>target {t:g} %</source>
        <translation>目标 {t:g} %</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="43" />
        <source>no reason</source>
        <translation>未注明</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="46" />
        <source>of the remaining calls within T</source>
        <translation>剩余来电需在 T 内接通</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="47" />
        <source>the target holds for the day</source>
        <translation>今日目标已可保证</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="48" />
        <source>the target cannot be reached today</source>
        <translation>今日已无法达到目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="49" />
        <source>no volume of last week to plan with</source>
        <translation>缺少上周同期话量，无法推算</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="51" />
        <source> (about {n:.0f} calls to come)</source>
        <translation>（预计还有约 {n:.0f} 通来电）</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="55" />
        <source>Waiting now</source>
        <translation>当前排队</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="56" />
        <source>oldest {wait}</source>
        <translation>最长等待 {wait}</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="58" />
        <source>Agents logged in</source>
        <translation>在线坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="59" />
        <source>{on} on a call · {free} available · {paused} paused</source>
        <translation>{on} 通话中 · {free} 空闲 · {paused} 小休</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="61" />
        <source>Paused</source>
        <translation>小休</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="61" />
        <source>nobody paused</source>
        <translation>无人小休</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="62" />
        <source>Service level today</source>
        <translation>今日服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="63" />
        <source>Abandoned today</source>
        <translation>今日放弃率</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="64" />
        <source>{n} of {offered} calls</source>
        <translation>{offered} 通中放弃 {n} 通</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="65" />
        <source>Needed for the rest of the day</source>
        <translation>今日余下时段所需</translation>
    </message>
</context>
<context>
    <name>NowView</name>
    <message>
        <location filename="../../app/ui/now/view.py" line="94" />
        <source>Now</source>
        <translation>现场实况</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="97" />
        <source>Wallboard</source>
        <translation>大屏</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="98" />
        <source>Full screen for the floor (Esc closes it)</source>
        <translation>为现场全屏显示（按 Esc 关闭）</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="133" />
        <source>{source} at {time}</source>
        <translation>{source}，{time}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../app/ui/preferences.py" line="34" />
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/preferences.py" line="37" />
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>QueueSettingsDialog</name>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="68" />
        <source>Queue settings of {source}</source>
        <translation>{source} 的队列设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="70" />
        <source>Tick a queue to give it its own threshold, target and definition; the others follow the source ({t:g} s, {target:g} %). Applying recomputes the stored figures.</source>
        <translation>勾选队列即可为其单独设置阈值、目标和口径；未勾选的队列沿用数据源设置（{t:g} 秒，{target:g} %）。应用后将重新计算已存数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="74" />
        <source>Own settings</source>
        <translation>单独设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="74" />
        <source>Threshold T (s)</source>
        <translation>阈值 T（秒）</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="74" />
        <source>Target %</source>
        <translation>目标 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="74" />
        <source>Definition</source>
        <translation>口径</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="98" />
        <source>Saved; {n} intervals recomputed.</source>
        <translation>已保存；重新计算了 {n} 个时段。</translation>
    </message>
</context>
<context>
    <name>ServiceLevelChart</name>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="79" />
        <source>Calls offered</source>
        <translation>呼入量</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="80" />
        <source>Service level %</source>
        <translation>服务水平 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="146" />
        <source>{time}: no data</source>
        <translation>{time}：无数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="150" />
        <source>{time} ({state})</source>
        <translation>{time}（{state}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="150" />
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="150" />
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="151" />
        <source>Offered {n}, answered {a}, abandoned {b}</source>
        <translation>呼入 {n}，接通 {a}，放弃 {b}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="152" />
        <source>Answered within T: {n}</source>
        <translation>T 内接通：{n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="153" />
        <source>Service level: {sl}</source>
        <translation>服务水平：{sl}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="154" />
        <source>ASA {asa} s, AHT {aht} s, longest wait {mx} s</source>
        <translation>平均应答 {asa} 秒，平均处理 {aht} 秒，最长等待 {mx} 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="159" />
        <source>Waiting now: {n}</source>
        <translation>当前排队：{n}</translation>
    </message>
</context>
<context>
    <name>ServiceLevelModels</name>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="29" />
        <source>Answered in T / offered</source>
        <translation>T 内接通 / 呼入</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="30" />
        <source>Answered in T / answered</source>
        <translation>T 内接通 / 接通</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="31" />
        <source>Short abandons left out</source>
        <translation>剔除短时放弃</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="32" />
        <source>Short abandons count as met</source>
        <translation>短时放弃计为达标</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="51" />
        <location filename="../../app/ui/service_level/models.py" line="127" />
        <source>Interval</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="51" />
        <location filename="../../app/ui/service_level/models.py" line="127" />
        <source>Offered</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="51" />
        <location filename="../../app/ui/service_level/models.py" line="127" />
        <source>Answered</source>
        <translation>接通</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="51" />
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="51" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="51" />
        <source>Waiting</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="52" />
        <location filename="../../app/ui/service_level/models.py" line="127" />
        <source>Within T</source>
        <translation>T 内接通</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="52" />
        <source>SL %</source>
        <translation>服务水平 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="52" />
        <source>ASA s</source>
        <translation>平均应答 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="52" />
        <source>AHT s</source>
        <translation>平均处理 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="52" />
        <source>Longest wait s</source>
        <translation>最长等待 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="74" />
        <location filename="../../app/ui/service_level/models.py" line="150" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="110" />
        <source>Below the target of {t:g} %</source>
        <translation>低于目标 {t:g} %</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="127" />
        <source>Short abandons</source>
        <translation>短时放弃</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="142" />
        <source>Definition '{name}'</source>
        <translation>口径“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="215" />
        <source>{day} {time}: offered {n}, service level {sl}</source>
        <translation>{day} {time}：呼入 {n}，服务水平 {sl}</translation>
    </message>
</context>
<context>
    <name>ServiceLevelView</name>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="111" />
        <source>Queues shown (several are combined, volume-weighted)</source>
        <translation>显示的队列（多个队列按话量加权合并）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="112" />
        <source>Previous day</source>
        <translation>前一天</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="113" />
        <source>Next day</source>
        <translation>后一天</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="114" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="115" />
        <source>Same weekday a week earlier</source>
        <translation>上周同日对比</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="116" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="117" />
        <source>Queue settings…</source>
        <translation>队列设置…</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="118" />
        <source>Threshold, target and definition per queue</source>
        <translation>按队列设置阈值、目标和口径</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="119" />
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="120" />
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="121" />
        <source>Definitions side by side</source>
        <translation>各口径对照</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="128" />
        <source>Service level</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="150" />
        <location filename="../../app/ui/service_level/view.py" line="172" />
        <source>All queues</source>
        <translation>全部队列</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="242" />
        <source>mixed</source>
        <translation>不一</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="242" />
        <source>{t:g} s</source>
        <translation>{t:g} 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="244" />
        <source>{source} · {site} · {day} ({zone})</source>
        <translation>{source} · {site} · {day}（{zone}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="247" />
        <source>Service level: {definition}, threshold {t}, target {target:g} %</source>
        <translation>服务水平：{definition}，阈值 {t}，目标 {target:g} %</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="252" />
        <source>Day so far: {sl:.1f} % of {n} calls</source>
        <translation>今日累计：{n} 通电话，{sl:.1f} %</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="254" />
        <source>No data for this day.</source>
        <translation>当天没有数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="256" />
        <source>Vendor rule: {rule}</source>
        <translation>厂商口径：{rule}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="285" />
        <source>Export the table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="285" />
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="291" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="294" />
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>Wallboard</name>
    <message>
        <location filename="../../app/ui/now/wallboard.py" line="37" />
        <source>Wallboard</source>
        <translation>大屏</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/wallboard.py" line="51" />
        <source>{source} · {time}</source>
        <translation>{source} · {time}</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../app/ui/actions.py" line="41" />
        <source>Load the &amp;demo</source>
        <translation>加载演示(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="41" />
        <source>Build the demo database with today's calls and open it</source>
        <translation>生成含今日来电的演示数据库并打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="42" />
        <source>&amp;Add a feed…</source>
        <translation>添加数据源(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="42" />
        <source>Import an ACD file as a feed source</source>
        <translation>将 ACD 文件导入为数据源</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="43" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="43" />
        <source>Read the figures again</source>
        <translation>重新读取数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="44" />
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="44" />
        <source>Export the table to CSV or Excel</source>
        <translation>将表格导出为 CSV 或 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="45" />
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="45" />
        <source>Language and live-feed settings</source>
        <translation>语言与实时数据源设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="46" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="46" />
        <source>Close the console</source>
        <translation>关闭控制台</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="47" />
        <source>&amp;Service level</source>
        <translation>服务水平(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="47" />
        <source>Half-hourly service level</source>
        <translation>半小时服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="48" />
        <source>&amp;Now</source>
        <translation>现场实况(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="48" />
        <source>The floor right now</source>
        <translation>现场此刻的情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="49" />
        <source>&amp;Wallboard</source>
        <translation>大屏(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="49" />
        <source>Full-screen wallboard of the floor's figures</source>
        <translation>全屏显示现场指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="50" />
        <source>Pre&amp;vious day</source>
        <translation>前一天(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="50" />
        <source>Show the day before</source>
        <translation>显示前一天</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="51" />
        <source>Ne&amp;xt day</source>
        <translation>后一天(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="51" />
        <source>Show the day after</source>
        <translation>显示后一天</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="52" />
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="52" />
        <source>Show today</source>
        <translation>显示今天</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/ui/errors.py" line="26" />
        <source>{path}, line {line}: {reason}</source>
        <translation>{path}，第 {line} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="27" />
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="29" />
        <source>There is no feed source named {name}.</source>
        <translation>没有名为 {name} 的数据源。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="31" />
        <source>There is no site named {name}.</source>
        <translation>没有名为 {name} 的站点。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="33" />
        <source>{setting}: {reason}</source>
        <translation>{setting}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="36" />
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../app/ui/settings.py" line="35" />
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="36" />
        <source>Minutes without new data before a live feed is stale</source>
        <translation>实时数据源无新数据多少分钟后视为停滞</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="37" />
        <source>Seconds between two polls of a live feed</source>
        <translation>实时数据源两次读取之间的秒数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="38" />
        <source>Default service-level target (%)</source>
        <translation>默认服务水平目标（%）</translation>
    </message>
</context>
</TS>