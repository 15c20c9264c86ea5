<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AbandonedCallsDialog</name>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="177"/>
        <source>Abandoned calls</source>
        <translation>放弃呼叫</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="178"/>
        <source>Create callback follow-up</source>
        <translation>创建回电跟进</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="179"/>
        <source>Write a callback follow-up for the selected call into the work log (Enter or double-click)</source>
        <translation>为所选呼叫在工作日志中写一条回电跟进（回车或双击）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="182"/>
        <source>all queues</source>
        <translation>全部队列</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="183"/>
        <source>{source} · {day} {start}–{end} · {queues}</source>
        <translation>{source} · {day} {start}–{end} · {queues}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="232"/>
        <source>No call was abandoned in this interval.</source>
        <translation>该时段没有放弃呼叫。</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="237"/>
        <source>{n} abandoned calls; {back} of their callers were answered later the same day; {done} have a follow-up.</source>
        <translation>共 {n} 个放弃呼叫；其中 {back} 位来电者当天稍后再次来电并已接通；{done} 个已有跟进。</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="253"/>
        <source>The site has no shift: set up its shifts before writing follow-ups.</source>
        <translation>本站点尚未设置班次：请先设置班次，再写跟进。</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="256"/>
        <source>{shift} {day} {start}–{end}</source>
        <translation>{shift} {day} {start}–{end}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="259"/>
        <source>Follow-ups go into the work log of {shift}; author and owner: {name}.</source>
        <translation>跟进写入 {shift} 的工作日志；记录人和负责人：{name}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="260"/>
        <source>Between shifts: follow-ups go into the work log of the next shift, {shift}; author and owner: {name}.</source>
        <translation>现在是两个班次之间：跟进写入下一班次 {shift} 的工作日志；记录人和负责人：{name}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="278"/>
        <source>Abandoned call at {time} in queue {queue} after waiting {wait}: call the customer back.</source>
        <translation>{time} 队列 {queue} 的来电等待 {wait} 后放弃：请回电客户。</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="280"/>
        <source>Call back before {due}</source>
        <translation>{due}前回电</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="293"/>
        <source>Nobody is named on duty: choose the supervisor on duty on the shift sheet, or who is writing in the work log (Writing as).</source>
        <translation>没有指定值班主管：请在当班信息表中选择值班主管，或在工作日志中选择记录人。</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="314"/>
        <source>Follow-up #{id} written for the call of {time} ({caller}).</source>
        <translation>已为 {time} 的来电（{caller}）写入跟进 #{id}。</translation>
    </message>
</context>
<context>
    <name>AbandonedCallsModel</name>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="48"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="48"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="48"/>
        <source>Caller</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="48"/>
        <source>Wait</source>
        <translation>等待</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="48"/>
        <source>Called back</source>
        <translation>再次来电已接</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="49"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="92"/>
        <source>#{id}</source>
        <translation>#{id}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="96"/>
        <source>The feed names no caller; the follow-up refers to the call as {key}</source>
        <translation>数据源未提供来电号码；跟进以呼叫编号 {key} 指代这通电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="99"/>
        <source>The caller was answered later the same day</source>
        <translation>该来电者当天稍后再次来电，已接通</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/abandoned_dialog.py" line="100"/>
        <source>Call {key}</source>
        <translation>呼叫 {key}</translation>
    </message>
</context>
<context>
    <name>AddEntryDialog</name>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="175"/>
        <source>Add an agent to this shift</source>
        <translation>为本班次添加坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="186"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="187"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="188"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="208"/>
        <source>Choose an agent from the list.</source>
        <translation>请从列表中选择一名坐席。</translation>
    </message>
</context>
<context>
    <name>AddFeedDialog</name>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="135"/>
        <source>Add a feed</source>
        <translation>添加数据源</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="136"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="136"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="136"/>
        <source>Source name</source>
        <translation>数据源名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="137"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="137"/>
        <source>Time zone of the file</source>
        <translation>文件时区</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="138"/>
        <source>Threshold T (seconds)</source>
        <translation>阈值 T（秒）</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="138"/>
        <source>Service level</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="139"/>
        <source>Target %</source>
        <translation>目标 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="139"/>
        <source>Mapping file</source>
        <translation>映射文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="140"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="142"/>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="143"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="144"/>
        <source>The ACD keeps appending to this file: poll it</source>
        <translation>ACD 持续写入此文件：定时读取</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="145"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="146"/>
        <source>Copy rejected lines</source>
        <translation>复制被拒行</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="147"/>
        <source>Save rejected lines…</source>
        <translation>保存被拒行…</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="148"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="148"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="148"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="149"/>
        <source>needed for interval reports; optional for other CSV exports</source>
        <translation>区间报表必填；其他 CSV 导出可选</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="180"/>
        <source>Choose an ACD file</source>
        <translation>选择 ACD 文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="187"/>
        <source>Choose a mapping file</source>
        <translation>选择映射文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="218"/>
        <source>Choose a file and name the source.</source>
        <translation>请选择文件并填写数据源名称。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="241"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="266"/>
        <source>{source} is live: {lines} lines read, {new} new calls; the window polls it from now on.</source>
        <translation>{source} 已设为实时：读取 {lines} 行，新增 {new} 通电话；此后由控制台定时读取。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="271"/>
        <source>{n} intervals</source>
        <translation>{n} 个时段</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="272"/>
        <source>{n} calls ({new} new, {known} already known)</source>
        <translation>{n} 通电话（新增 {new}，已有 {known}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="274"/>
        <source>Imported {what} from {lines} lines into {source}; {rejected} lines rejected.</source>
        <translation>已从 {lines} 行导入 {what} 到 {source}；{rejected} 行被拒。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="278"/>
        <source>Cancelled: the batches read so far are stored; import again to complete it.</source>
        <translation>已取消：已读取的批次已保存；再次导入即可完成。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/add_feed_dialog.py" line="313"/>
        <source>Save rejected lines</source>
        <translation>保存被拒行</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="205"/>
        <source>Next shift</source>
        <translation>下一班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="206"/>
        <source>Meeting starts</source>
        <translation>会议开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="207"/>
        <source>End at the shift&apos;s start</source>
        <translation>在班次开始时结束</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="208"/>
        <source>Move the meeting&apos;s start so that it ends when the shift starts</source>
        <translation>调整会议开始时间，使其在班次开始时结束</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="209"/>
        <source>Hold it then</source>
        <translation>就在那时开</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="210"/>
        <source>Move the meeting to the slot with the least expected damage</source>
        <translation>把会议移到预计影响最小的时段</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="212"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="212"/>
        <source>Part</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="212"/>
        <source>Time box</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="213"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="214"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="215"/>
        <source>Add a part</source>
        <translation>添加环节</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="216"/>
        <source>Remove the part</source>
        <translation>删除环节</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="217"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="218"/>
        <source>What to say</source>
        <translation>讲解内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="219"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="219"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="219"/>
        <source>Where to find it</source>
        <translation>系统中的位置</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="220"/>
        <source>Warm-up</source>
        <translation>热身活动</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="221"/>
        <source>Warm-ups…</source>
        <translation>热身活动库…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="222"/>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="223"/>
        <source>The topic set at yesterday&apos;s post-shift meeting</source>
        <translation>昨天班后会定下的话题</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="224"/>
        <source>Save the agenda</source>
        <translation>保存议程</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="225"/>
        <source>Build again</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="226"/>
        <source>Build the agenda again from the console&apos;s data (edits not saved are lost)</source>
        <translation>根据系统数据重新生成议程（未保存的修改将丢失）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="228"/>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="229"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="275"/>
        <source>No shift is defined for this day.</source>
        <translation>这一天没有定义班次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="311"/>
        <source>Least damage to the service level: {start}–{end} ({source}: the {agents} agents of the shift leave the phones where they are on them; about {damage:.1f} more calls miss the threshold; expected {before} → {after}).</source>
        <translation>对服务水平影响最小：{start}–{end}（{source}：本班次 {agents} 名坐席在接线时段离线参会；预计多约 {damage:.1f} 个来电超出阈值；预计 {before} → {after}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="388"/>
        <source>The meeting ends at {end}, {late} min after the shift starts at {start}: shorten a time box or start earlier.</source>
        <translation>会议在 {end} 结束，比班次开始时间 {start} 晚 {late} 分钟：请缩短某个环节或提前开始。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="392"/>
        <source>A part of your own needs a title or a text.</source>
        <translation>自行添加的环节需要标题或内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="407"/>
        <source>Prepared by {by} at {time} (revision {revision})</source>
        <translation>由 {by} 于 {time} 准备（第 {revision} 版）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="411"/>
        <source>Not prepared yet: built automatically</source>
        <translation>尚未准备：自动生成</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="413"/>
        <source>{state} · changed, not saved</source>
        <translation>{state} · 已修改，未保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="414"/>
        <source>{shift} {day}: meeting {start}–{end}, shift starts {shift_start}</source>
        <translation>{shift} {day}：会议 {start}–{end}，班次 {shift_start} 开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="478"/>
        <source>{name} ({kind}, {minutes} min)</source>
        <translation>{name}（{kind}，{minutes} 分钟）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="486"/>
        <source>No warm-up chosen.</source>
        <translation>未选择热身活动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="492"/>
        <source>Nobody is rostered on this shift.</source>
        <translation>本班次没有排班人员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="496"/>
        <source>no team</source>
        <translation>无班组</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="497"/>
        <source>{count} rostered ({teams}); ticked on the printed agenda.</source>
        <translation>排班 {count} 人（{teams}）；在打印的议程上勾选签到。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="501"/>
        <source>No open item is carried into this shift.</source>
        <translation>没有转入本班次的未结事项。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="505"/>
        <source>No half hour below target in the last shift.</source>
        <translation>上一班次没有低于目标的半小时时段。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="506"/>
        <source>{time} {source}: {sl}% (target {target}%)</source>
        <translation>{time} {source}：{sl}%（目标 {target}%）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="638"/>
        <source>Choose who is writing first (Work log, Writing as).</source>
        <translation>请先选择记录人（工作日志中的“记录人”）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="655"/>
        <source>Agenda saved (revision {revision}).</source>
        <translation>议程已保存（第 {revision} 版）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="706"/>
        <source>Save the agenda as PDF</source>
        <translation>将议程另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/agenda_panel.py" line="707"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>AgentsModel</name>
    <message>
        <location filename="../../app/ui/now/view.py" line="36"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="36"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="36"/>
        <source>Pause reason</source>
        <translation>小休原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="36"/>
        <source>For</source>
        <translation>持续</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="41"/>
        <source>available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="42"/>
        <source>on a call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="43"/>
        <source>paused</source>
        <translation>小休</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="44"/>
        <source>logged out</source>
        <translation>已登出</translation>
    </message>
</context>
<context>
    <name>AgentsTab</name>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="314"/>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="327"/>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="314"/>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="327"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="314"/>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="327"/>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="315"/>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="327"/>
        <source>ACD login</source>
        <translation>ACD 工号</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="315"/>
        <source>Fixed seat</source>
        <translation>固定座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="315"/>
        <source>Skills (comma separated)</source>
        <translation>技能（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="317"/>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="328"/>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="318"/>
        <source>Import agents…</source>
        <translation>导入坐席名单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="322"/>
        <source>(no team)</source>
        <translation>（无班组）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="327"/>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="328"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="332"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="332"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>AlertBar</name>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="125"/>
        <source>(+{n} more)</source>
        <translation>（另有 {n} 条）</translation>
    </message>
</context>
<context>
    <name>AlertLine</name>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="74"/>
        <source>Start “{title}”</source>
        <translation>启动“{title}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="74"/>
        <source>Add to the running “{title}”</source>
        <translation>并入正在进行的“{title}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="76"/>
        <source>Dismiss…</source>
        <translation>忽略…</translation>
    </message>
</context>
<context>
    <name>AskTextDialog</name>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="84"/>
        <source>Please fill this in.</source>
        <translation>请填写此项。</translation>
    </message>
</context>
<context>
    <name>CarriedModel</name>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="201"/>
        <source>not yet</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="203"/>
        <source>{by} {time}</source>
        <translation>{by} {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="219"/>
        <source>{time} overdue</source>
        <translation>{time} 已逾期</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="221"/>
        <source>{time} this shift</source>
        <translation>{time} 本班到期</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="49"/>
        <source>Record a personnel change</source>
        <translation>登记人员异动</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="54"/>
        <source>(no agent)</source>
        <translation>（不涉及具体坐席）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="63"/>
        <source>Change</source>
        <translation>异动类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="64"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="65"/>
        <source>What happened</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="75"/>
        <source>Say what happened.</source>
        <translation>请填写情况说明。</translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="50"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="50"/>
        <source>Change</source>
        <translation>异动类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="50"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="50"/>
        <source>What</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="51"/>
        <source>Record a change… (Ctrl+Shift+C)</source>
        <translation>登记异动…（Ctrl+Shift+C）</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="257"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="263"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="263"/>
        <source>When you opened it</source>
        <translation>您打开时</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="263"/>
        <source>Stored now</source>
        <translation>当前保存的</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="264"/>
        <source>Your change</source>
        <translation>您的修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="278"/>
        <source>Entry #{id} was changed (now revision {now}) after you opened it (revision {base}). Nothing of yours was saved yet. Choose which version stays.</source>
        <translation>您打开第 {id} 条记录（第 {base} 版）后，它已被修改（现为第 {now} 版）。您的修改尚未保存。请选择保留哪个版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="281"/>
        <source>Save my change over it</source>
        <translation>用我的修改覆盖</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="281"/>
        <source>Keep the stored version</source>
        <translation>保留已保存的版本</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="157"/>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="158"/>
        <source>Edit contact: {name}</source>
        <translation>编辑联系人：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="170"/>
        <source>e.g. ACD or CTI down, agents cannot log in</source>
        <translation>例如 ACD 或 CTI 故障、坐席无法登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="174"/>
        <source>HH:MM</source>
        <translation>时:分</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="180"/>
        <source>(both empty: always; may cross midnight, e.g. 20:00–08:00)</source>
        <translation>（都不填：全天；可跨午夜，例如 20:00–08:00）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="182"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="183"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="184"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="185"/>
        <source>&amp;When to call</source>
        <translation>何时联系(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="186"/>
        <source>On &amp;duty</source>
        <translation>值班时间(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="211"/>
        <source>Cannot read the time “{text}”: type HH:MM, e.g. 08:00.</source>
        <translation>无法识别时间“{text}”：请输入 时:分，例如 08:00。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="215"/>
        <source>Role is needed.</source>
        <translation>请填写角色。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="215"/>
        <source>Name is needed.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="216"/>
        <source>Phone is needed.</source>
        <translation>请填写电话。</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="241"/>
        <source>Playbook contacts</source>
        <translation>预案联系人</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="262"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="263"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="264"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="265"/>
        <source>No longer called by the playbooks; kept for the record</source>
        <translation>预案不再联系此人；记录仍保留</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="312"/>
        <source>{role}: &lt;b&gt;{name}&lt;/b&gt; {phone}</source>
        <translation>{role}：&lt;b&gt;{name}&lt;/b&gt; {phone}</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="315"/>
        <source>On duty now ({time}): {contacts}</source>
        <translation>当前值班（{time}）：{contacts}</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="316"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="318"/>
        <source>Nobody is on duty now: add the contacts the playbooks call (IT duty, telephony vendor, facilities, duty manager).</source>
        <translation>当前无人值班：请添加预案要联系的人（IT值班、话务系统供应商、行政/物业、值班经理）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="372"/>
        <source>{name} saved.</source>
        <translation>已保存 {name}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="388"/>
        <source>{name} deactivated: no longer called by the playbooks.</source>
        <translation>已停用 {name}：预案不再联系此人。</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="44"/>
        <source>always</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="46"/>
        <source>from {time}</source>
        <translation>{time} 起</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="48"/>
        <source>until {time}</source>
        <translation>至 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="92"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="92"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="92"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="92"/>
        <source>When to call</source>
        <translation>何时联系</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="92"/>
        <source>On duty</source>
        <translation>值班时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="93"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="128"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="128"/>
        <source>removed</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="140"/>
        <source>On duty now: the playbooks call {name} for {role}</source>
        <translation>当前值班：预案中的{role}由 {name} 负责</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/contacts.py" line="143"/>
        <source>Removed: no longer called (Edit makes the contact active again)</source>
        <translation>已停用：预案不再联系此人（编辑后可重新启用）</translation>
    </message>
</context>
<context>
    <name>CountsModel</name>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="176"/>
        <source>All teams</source>
        <translation>全部班组</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="176"/>
        <source>No team</source>
        <translation>无班组</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="188"/>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="188"/>
        <source>Scheduled</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="188"/>
        <source>Present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="188"/>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="188"/>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="189"/>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="189"/>
        <source>Swapped</source>
        <translation>换班</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="189"/>
        <source>Left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="189"/>
        <source>Not marked</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="190"/>
        <source>Difference to plan</source>
        <translation>与计划差</translation>
    </message>
</context>
<context>
    <name>CrossCheckPanel</name>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="198"/>
        <source>Rostered agents the ACD disagrees with</source>
        <translation>ACD 状态与考勤不符的在岗坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="199"/>
        <source>Logged in to the ACD, not on this shift&apos;s roster</source>
        <translation>已登录 ACD、但不在本班次排班中</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="215"/>
        <source>No feed of this site reports agent log-ins, so nothing can be checked.</source>
        <translation>本站点没有上报坐席登录的数据源，无法核对。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="217"/>
        <source>Findings at {time}, from the live feed: {count}.</source>
        <translation>{time} 实时数据核对，不符之处：{count} 处。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="220"/>
        <source>The ACD agrees with the sheet ({time}).</source>
        <translation>ACD 与考勤一致（{time}）。</translation>
    </message>
</context>
<context>
    <name>DeskWatch</name>
    <message>
        <location filename="../../app/ui/desks.py" line="122"/>
        <source>The database is reachable again; what changed meanwhile is read again.</source>
        <translation>数据库已恢复连接；期间的变更已重新读取。</translation>
    </message>
    <message>
        <location filename="../../app/ui/desks.py" line="127"/>
        <source>⚠ Database unreachable since {time}: showing what was read before; reconnecting…</source>
        <translation>⚠ 自 {time} 起无法连接数据库：显示的是此前读取的内容；正在重新连接…</translation>
    </message>
</context>
<context>
    <name>EmptyStateView</name>
    <message>
        <location filename="../../app/ui/empty_state.py" line="46"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../app/ui/empty_state.py" line="49"/>
        <source>Welcome to the Shift Handover Console</source>
        <translation>欢迎使用交接班控制台</translation>
    </message>
    <message>
        <location filename="../../app/ui/empty_state.py" line="52"/>
        <source>There is no call data in this database yet. Load the demo to see a live floor with today&apos;s calls, or add a feed: a file exported by your ACD (call records, an Asterisk queue_log or an interval report).</source>
        <translation>此数据库中还没有话务数据。加载演示可查看带有今日来电的实时现场，或添加数据源：由 ACD 导出的文件（通话记录、Asterisk queue_log 或区间报表）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/empty_state.py" line="57"/>
        <source>Load the demo</source>
        <translation>加载演示</translation>
    </message>
    <message>
        <location filename="../../app/ui/empty_state.py" line="58"/>
        <source>Add a feed…</source>
        <translation>添加数据源…</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="124"/>
        <source>Edit entry #{id}</source>
        <translation>编辑第 {id} 条记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="174"/>
        <location filename="../../app/ui/work_log/dialogs.py" line="179"/>
        <source>Cannot read the time “{text}”: type HH:MM or MM-DD HH:MM.</source>
        <translation>无法识别时间“{text}”：请输入 HH:MM 或 MM-DD HH:MM。</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="132"/>
        <source>New entry</source>
        <translation>新记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="141"/>
        <source>Alt+{n}</source>
        <translation>Alt+{n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="148"/>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="148"/>
        <source>&amp;Priority</source>
        <translation>优先级(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="148"/>
        <source>T&amp;ime</source>
        <translation>时间(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="149"/>
        <source>&amp;What happened</source>
        <translation>事项内容(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="149"/>
        <source>Ta&amp;gs</source>
        <translation>标签(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="149"/>
        <source>Te&amp;mplate</source>
        <translation>模板(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="150"/>
        <source>Customer &amp;no.</source>
        <translation>客户号码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="150"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="151"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="151"/>
        <source>P&amp;romised</source>
        <translation>承诺(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="151"/>
        <source>&amp;Due</source>
        <translation>期限(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="152"/>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="155"/>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="156"/>
        <source>When it happened: HH:MM, or MM-DD HH:MM; empty: now</source>
        <translation>发生时间：HH:MM 或 MM-DD HH:MM；留空为现在</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="157"/>
        <source>What happened, what was arranged, what the next shift must do</source>
        <translation>发生了什么、做了哪些安排、下一班需要做什么</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="158"/>
        <source>e.g. ACD, VIP</source>
        <translation>如：ACD VIP</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="159"/>
        <source>Tags, separated by spaces or commas</source>
        <translation>标签，用空格或逗号分隔</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="160"/>
        <source>e.g. call back before 15:00</source>
        <translation>如：15:00 前回电</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="161"/>
        <source>Due: HH:MM, or MM-DD HH:MM; empty for a follow-up: in one hour</source>
        <translation>期限：HH:MM 或 MM-DD HH:MM；客户跟进留空则为一小时后</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="162"/>
        <source>person or department</source>
        <translation>个人或部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="163"/>
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="164"/>
        <source>Save as template…</source>
        <translation>存为模板…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="133"/>
        <source>Ctrl+N new entry · Alt+1…7 category · Enter save · Esc clear · Ctrl+T template</source>
        <translation>Ctrl+N 新记录 · Alt+1…7 选类别 · 回车保存 · Esc 清空 · Ctrl+T 模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="182"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="219"/>
        <source>in 1 hour</source>
        <translation>一小时后</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/entry_form.py" line="260"/>
        <source>Cannot read the time “{text}”: type HH:MM or MM-DD HH:MM.</source>
        <translation>无法识别时间“{text}”：请输入 HH:MM 或 MM-DD HH:MM。</translation>
    </message>
</context>
<context>
    <name>HandoverChart</name>
    <message>
        <location filename="../../app/ui/handover/chart.py" line="37"/>
        <source>SL %</source>
        <translation>服务水平 %</translation>
    </message>
</context>
<context>
    <name>HandoverQualityView</name>
    <message>
        <location filename="../../app/ui/handover_quality/view.py" line="63"/>
        <source>Handover quality</source>
        <translation>交接质量</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/view.py" line="66"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/view.py" line="103"/>
        <source>Shift changes of the last 30 days</source>
        <translation>最近 30 天的交接班</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/view.py" line="107"/>
        <source>{site}: shift changes from {first} to {last}</source>
        <translation>{site}：{first} 至 {last} 的交接班</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/view.py" line="110"/>
        <source>No shift change in the last 30 days: set up the site&apos;s shifts in Shifts and people.</source>
        <translation>最近 30 天没有交接班：请先在“班次与人员”中设置本站点的班次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/view.py" line="115"/>
        <source>No calls around the changes: no service-level drop to show.</source>
        <translation>交接班前后没有来电：没有服务水平下降可显示。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/view.py" line="117"/>
        <source>Average drop around changes: {drop:.1f} points (changes with calls: {n}).</source>
        <translation>交接班前后服务水平平均下降 {drop:.1f} 个百分点（有来电的交接班：{n}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/view.py" line="120"/>
        <source>Around changes the service level rose by {rise:.1f} points on average (changes with calls: {n}).</source>
        <translation>交接班前后服务水平平均上升 {rise:.1f} 个百分点（有来电的交接班：{n}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/view.py" line="122"/>
        <source>Signed on time: {n} of {m}.</source>
        <translation>按时签字：{m} 次中 {n} 次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/view.py" line="125"/>
        <source>The site has no feed source: no service level.</source>
        <translation>本站点没有数据源：没有服务水平。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/view.py" line="127"/>
        <source>Service level of {source} ({definition}, target {target:.0f} %): the half hours overlapping 30 minutes either side of the change against the rest of both shifts. Signed on time: both signatures within 15 minutes of the change.</source>
        <translation>{source} 的服务水平（{definition}，目标 {target:.0f} %）：交接班前后各 30 分钟所涉及的半小时时段，与两个班次其余时段相比。按时签字：双方均在交接班后 15 分钟内签字。</translation>
    </message>
</context>
<context>
    <name>HandoverView</name>
    <message>
        <location filename="../../app/ui/handover/view.py" line="162"/>
        <source>Handover</source>
        <translation>现场交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="166"/>
        <source>1 Shift sheet</source>
        <translation>1 班次考勤表</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="167"/>
        <source>2 Open items</source>
        <translation>2 未结事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="168"/>
        <source>3 Playbooks</source>
        <translation>3 应急预案</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="169"/>
        <source>4 Seats</source>
        <translation>4 座席</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="170"/>
        <source>5 Service level</source>
        <translation>5 服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="171"/>
        <source>6 Long calls</source>
        <translation>6 长通话</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="172"/>
        <source>7 Face-to-face talk</source>
        <translation>7 当面交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="176"/>
        <source>Outgoing shift</source>
        <translation>交班班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="178"/>
        <source>Current shift</source>
        <translation>当前班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="179"/>
        <source>&amp;Incoming supervisor</source>
        <translation>接班主管(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="180"/>
        <source>◀ Back (Ctrl+Left)</source>
        <translation>◀ 上一步 (Ctrl+Left)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="181"/>
        <source>Next ▶ (Ctrl+Right)</source>
        <translation>下一步 ▶ (Ctrl+Right)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="182"/>
        <source>Save progress (Ctrl+S)</source>
        <translation>保存进度 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="183"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="184"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="185"/>
        <source>Sign as outgoing…</source>
        <translation>交班签字…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="186"/>
        <source>Sign as incoming…</source>
        <translation>接班签字…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="273"/>
        <source>This shift has not started yet: its handover opens once it has started.</source>
        <translation>该班次尚未开始：开始后才能打开它的交接。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="275"/>
        <source>No shift is defined for this day, or no shift follows it to hand over to.</source>
        <translation>这一天没有定义班次，或者之后没有可交接的班次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="298"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="331"/>
        <source>(nothing to go through)</source>
        <translation>（无需交接）</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="358"/>
        <source>→ {shift} {day} {start}</source>
        <translation>→ {shift} {day} {start}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="362"/>
        <source>Draft: not signed</source>
        <translation>草稿：未签字</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="365"/>
        <source>✓ Verified: matches its checksum</source>
        <translation>✓ 已校验：与校验和一致</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="366"/>
        <source>✓ Verified · waiting for the incoming signature</source>
        <translation>✓ 已校验 · 等待接班签字</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="369"/>
        <source>✗ Changed behind its checksum</source>
        <translation>✗ 签字后被改动，与校验和不符</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="371"/>
        <source>SHA-256 {checksum}</source>
        <translation>SHA-256 {checksum}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="374"/>
        <source>Outgoing</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="374"/>
        <source>Incoming</source>
        <translation>接班</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="376"/>
        <source>{role}: not signed</source>
        <translation>{role}：未签字</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="379"/>
        <source>{role}: {name}, signed {time}</source>
        <translation>{role}：{name}，签字于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="461"/>
        <source>The incoming supervisor must be someone else: {name} signed as outgoing already.</source>
        <translation>接班主管必须是另一人：{name} 已作为交班主管签字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="463"/>
        <source>The outgoing supervisor signs first.</source>
        <translation>须由交班主管先签字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="464"/>
        <source>The outgoing supervisor has signed already.</source>
        <translation>交班主管已经签字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="465"/>
        <source>This handover is signed; it can no longer change.</source>
        <translation>此交接已签字，不能再修改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="466"/>
        <source>A viewer cannot sign a handover.</source>
        <translation>只读用户不能在交接上签字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="467"/>
        <source>A team leader cannot sign a handover: two supervisors sign it.</source>
        <translation>组长不能签署交接：交接由两位值班主管签署。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="468"/>
        <source>Tick “face-to-face talk done” (step 7) before signing: the two supervisors sign after they have talked the shift through.</source>
        <translation>签字前请勾选“当面交接已完成”（第 7 步）：两位主管当面过完本班情况后再签字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="470"/>
        <source>The handover was changed at another desk meanwhile; it is shown again as stored. Look at it and sign again.</source>
        <translation>交接在此期间已在另一席位被修改，现按已保存内容重新显示。请查看后再签字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="478"/>
        <source>The signed snapshot no longer matches its checksum: it was changed after signing and cannot be signed again. Tell the administrator.</source>
        <translation>已签字的快照与校验和不再一致：签字后被改动，不能再签字。请通知管理员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="497"/>
        <source>Progress saved; the handover can be resumed later.</source>
        <translation>进度已保存，稍后可继续交接。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="548"/>
        <source>Sign the handover as outgoing supervisor</source>
        <translation>以交班主管身份签字</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="549"/>
        <source>I hand over {shift} of {day} as shown; the figures are frozen when I sign.</source>
        <translation>我按所示内容交出 {day} 的{shift}；签字后数据即被冻结。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="561"/>
        <source>Signed by the outgoing supervisor; the incoming supervisor signs next.</source>
        <translation>交班主管已签字，接下来由接班主管签字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="573"/>
        <source>Sign the handover as incoming supervisor</source>
        <translation>以接班主管身份签字</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="574"/>
        <source>I take over {shift} of {day} as shown.</source>
        <translation>我按所示内容接手 {day} 的{shift}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="579"/>
        <source>Handover signed by both; the outgoing shift is handed over.</source>
        <translation>交接已由双方签字，交班班次已交出。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="601"/>
        <source>Acknowledge a notice</source>
        <translation>确认通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="602"/>
        <source>I have read “{title}” (version {version}) and will pass it on.</source>
        <translation>我已阅读“{title}”（第 {version} 版），并将传达。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="607"/>
        <source>Notice acknowledged.</source>
        <translation>通知已确认。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="619"/>
        <source>Choose the incoming supervisor first (on top).</source>
        <translation>请先（在上方）选择接班主管。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="629"/>
        <source>Item #{id} taken over by {by}.</source>
        <translation>事项 #{id} 已由 {by} 接手。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="647"/>
        <source>Hand item #{id} to a new owner</source>
        <translation>把事项 #{id} 交给新负责人</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="647"/>
        <source>New owner</source>
        <translation>新负责人</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="672"/>
        <source>Save the handover report as PDF</source>
        <translation>将交接报告另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/view.py" line="673"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="204"/>
        <source>History of entry #{id}</source>
        <translation>第 {id} 条记录的修改历史</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="206"/>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="206"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="206"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="206"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="207"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="207"/>
        <source>Before → after</source>
        <translation>修改前 → 修改后</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="222"/>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
</context>
<context>
    <name>ItemsPage</name>
    <message>
        <location filename="../../app/ui/handover/pages.py" line="183"/>
        <source>Acknowledge</source>
        <translation>接手确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/pages.py" line="184"/>
        <source>Hand to a new owner…</source>
        <translation>交给新负责人…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/pages.py" line="217"/>
        <source>Acknowledged by {by} at {time} (owner {owner})</source>
        <translation>{by} 于 {time} 确认（负责人 {owner}）</translation>
    </message>
</context>
<context>
    <name>LiveFeeds</name>
    <message>
        <location filename="../../app/ui/live.py" line="122"/>
        <source>{name}: waiting for the first poll</source>
        <translation>{name}：等待首次读取</translation>
    </message>
    <message>
        <location filename="../../app/ui/live.py" line="127"/>
        <source>{name}: stale, no data yet</source>
        <translation>{name}：停滞，尚无数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/live.py" line="130"/>
        <source>{name}: stale, last data {time}</source>
        <translation>{name}：停滞，最后数据 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/live.py" line="132"/>
        <source>{name}: live (polled at another desk), last data {time}</source>
        <translation>{name}：实时（由另一席位读取），最后数据 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/live.py" line="134"/>
        <source>{name}: live, last data {time}</source>
        <translation>{name}：实时，最后数据 {time}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="221"/>
        <source>Shift Handover Console</source>
        <translation>交接班控制台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="223"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="224"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="225"/>
        <source>Main tool bar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="276"/>
        <source>Locked: no one signed in</source>
        <translation>已锁定：无人登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="283"/>
        <source>{name} ({role}): reading only</source>
        <translation>{name}（{role}）：只读</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="285"/>
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="320"/>
        <source>Choose who is writing first (Work log, Writing as).</source>
        <translation>请先选择记录人（工作日志中的“记录人”）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="324"/>
        <source>Reminder times saved.</source>
        <translation>提醒时间已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="404"/>
        <source>Site: {name}</source>
        <translation>站点：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="406"/>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="406"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="422"/>
        <source>Log: {open} open · {overdue} overdue · {unacked} not acknowledged</source>
        <translation>日志：未结 {open} · 逾期 {overdue} · 未确认 {unacked}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="431"/>
        <source>No shift now; next: {name} at {time}</source>
        <translation>当前无班次；下一班：{name} {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="435"/>
        <source>Shift: {name} {start}–{end}</source>
        <translation>班次：{name} {start}–{end}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="438"/>
        <source>handover with {name} until {time}</source>
        <translation>与{name}交接至 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="496"/>
        <source>There is no playbook “{key}” any more.</source>
        <translation>预案“{key}”已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="513"/>
        <source>Dismiss the alert</source>
        <translation>忽略预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="513"/>
        <source>Why (kept with the alert)</source>
        <translation>原因（随预警保存）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="523"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="536"/>
        <source>The database is still opening; try again in a moment.</source>
        <translation>数据库仍在打开中，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>MapActions</name>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="76"/>
        <location filename="../../app/ui/seat_map/map_actions.py" line="276"/>
        <source>Assign automatically</source>
        <translation>自动排座</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="77"/>
        <location filename="../../app/ui/seat_map/map_actions.py" line="283"/>
        <source>Start from the previous shift</source>
        <translation>沿用上一班次的座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="78"/>
        <location filename="../../app/ui/seat_map/map_actions.py" line="290"/>
        <source>Start from fixed seats</source>
        <translation>按固定座位开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="79"/>
        <source>Print the seat chart (PDF)…</source>
        <translation>打印座位表（PDF）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="80"/>
        <source>Export the list agent → seat…</source>
        <translation>导出“坐席 → 座位”名单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="81"/>
        <location filename="../../app/ui/seat_map/map_actions.py" line="358"/>
        <source>Add a seat</source>
        <translation>添加座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="82"/>
        <source>Add a zone…</source>
        <translation>添加区域…</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="83"/>
        <source>Add a floor…</source>
        <translation>添加楼层…</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="84"/>
        <source>Import a layout (CSV)…</source>
        <translation>导入布局（CSV）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="85"/>
        <source>Export the layout (CSV)…</source>
        <translation>导出布局（CSV）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="89"/>
        <source>… and use kept-apart zones too</source>
        <translation>……也可使用隔离区</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="252"/>
        <source>Seat {name}</source>
        <translation>安排 {name} 的座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="259"/>
        <source>Swap seats</source>
        <translation>交换座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="268"/>
        <source>Free a seat</source>
        <translation>空出座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="297"/>
        <source>{placed} agents seated; {left} notes.</source>
        <translation>已安排 {placed} 人；{left} 条说明。</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="315"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="335"/>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="341"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="368"/>
        <location filename="../../app/ui/seat_map/map_actions.py" line="374"/>
        <source>Add a zone</source>
        <translation>添加区域</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="368"/>
        <source>Name of the zone</source>
        <translation>区域名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="381"/>
        <source>Add a floor</source>
        <translation>添加楼层</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_actions.py" line="381"/>
        <source>Name of the floor</source>
        <translation>楼层名称</translation>
    </message>
</context>
<context>
    <name>MarkEditor</name>
    <message>
        <location filename="../../app/ui/shift_sheet/mark_editor.py" line="57"/>
        <source>Record (Enter)</source>
        <translation>登记（回车）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/mark_editor.py" line="65"/>
        <source>Late by how many minutes?</source>
        <translation>迟到几分钟？</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/mark_editor.py" line="66"/>
        <source>Which leave?</source>
        <translation>请假类型？</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/mark_editor.py" line="67"/>
        <source>Swapped with whom?</source>
        <translation>与谁换班？</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/mark_editor.py" line="68"/>
        <source>Left at:</source>
        <translation>离岗时间：</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/mark_editor.py" line="69"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>MeetingsView</name>
    <message>
        <location filename="../../app/ui/meetings/view.py" line="47"/>
        <source>Meetings</source>
        <translation>班前班后会</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/view.py" line="50"/>
        <source>Pre-shift agenda</source>
        <translation>班前会议程</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/view.py" line="51"/>
        <source>Post-shift meeting</source>
        <translation>班后会</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="92"/>
        <source>Business notice</source>
        <translation>业务通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="92"/>
        <source>Business notice — new version</source>
        <translation>业务通知 — 新版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="105"/>
        <source>e.g. Knowledge base › Cards › Fees 2026</source>
        <translation>例如：知识库 › 信用卡 › 2026 年费政策</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="108"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="109"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="110"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="111"/>
        <source>In force from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="114"/>
        <source>Where to find it in the system</source>
        <translation>系统中的位置</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="115"/>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="116"/>
        <source>Explain at the pre-shift meeting</source>
        <translation>在班前会上讲解</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="120"/>
        <source>Saving makes version {n}; everyone acknowledges it again.</source>
        <translation>保存后成为第 {n} 版，所有人需重新确认。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="156"/>
        <source>A notice needs a title.</source>
        <translation>通知需要标题。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/dialogs.py" line="159"/>
        <source>The notice must end after it starts.</source>
        <translation>截止时间必须晚于生效时间。</translation>
    </message>
</context>
<context>
    <name>NoticesPanel</name>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="112"/>
        <source>Search notices (Enter)</source>
        <translation>搜索通知（回车）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="113"/>
        <source>Include expired</source>
        <translation>包括已过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="114"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="114"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="114"/>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="114"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="115"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="116"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="117"/>
        <source>Acknowledge…</source>
        <translation>确认已读…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="138"/>
        <source>until withdrawn</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="140"/>
        <source>expired {when}</source>
        <translation>已于 {when} 过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="141"/>
        <source>{title}  [explain at the meeting]</source>
        <translation>{title}  【班前会讲解】</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="163"/>
        <source>changed since your acknowledgement</source>
        <translation>确认后已修改，需重新确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="165"/>
        <source>not yet by you</source>
        <translation>您尚未确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="166"/>
        <source>nobody yet</source>
        <translation>尚无人确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="171"/>
        <source>Select a notice to read it.</source>
        <translation>选择一条通知查看内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="175"/>
        <source>Where to find it: {path}</source>
        <translation>系统中的位置：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/panels.py" line="176"/>
        <source>Version {version}, in force from {start}</source>
        <translation>第 {version} 版，{start} 起生效</translation>
    </message>
</context>
<context>
    <name>NowTiles</name>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="41"/>
        <source>▼ below the target of {t:g} %</source>
        <translation>▼ 低于目标 {t:g} %</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="41"/>
        <source>target {t:g} %</source>
        <translation>目标 {t:g} %</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="43"/>
        <source>no reason</source>
        <translation>未注明</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="46"/>
        <source>of the remaining calls within T</source>
        <translation>剩余来电需在 T 内接通</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="47"/>
        <source>the target holds for the day</source>
        <translation>今日目标已可保证</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="48"/>
        <source>the target cannot be reached today</source>
        <translation>今日已无法达到目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="49"/>
        <source>no volume of last week to plan with</source>
        <translation>缺少上周同期话量，无法推算</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="51"/>
        <source> (about {n:.0f} calls to come)</source>
        <translation>（预计还有约 {n:.0f} 通来电）</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="55"/>
        <source>Waiting now</source>
        <translation>当前排队</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="56"/>
        <source>oldest {wait}</source>
        <translation>最长等待 {wait}</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="58"/>
        <source>Agents logged in</source>
        <translation>在线坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="59"/>
        <source>{on} on a call · {free} available · {paused} paused</source>
        <translation>{on} 通话中 · {free} 空闲 · {paused} 小休</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="61"/>
        <source>Paused</source>
        <translation>小休</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="61"/>
        <source>nobody paused</source>
        <translation>无人小休</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="62"/>
        <source>Service level today</source>
        <translation>今日服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="63"/>
        <source>Abandoned today</source>
        <translation>今日放弃率</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="64"/>
        <source>{n} of {offered} calls</source>
        <translation>{offered} 通中放弃 {n} 通</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/tiles.py" line="65"/>
        <source>Needed for the rest of the day</source>
        <translation>今日余下时段所需</translation>
    </message>
</context>
<context>
    <name>NowView</name>
    <message>
        <location filename="../../app/ui/now/view.py" line="94"/>
        <source>Now</source>
        <translation>现场实况</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="97"/>
        <source>Wallboard</source>
        <translation>大屏</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="98"/>
        <source>Full screen for the floor (Esc closes it)</source>
        <translation>为现场全屏显示（按 Esc 关闭）</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/view.py" line="133"/>
        <source>{source} at {time}</source>
        <translation>{source}，{time}</translation>
    </message>
</context>
<context>
    <name>OutOfServiceDialog</name>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="124"/>
        <source>Seat {code} out of service</source>
        <translation>座位 {code} 停用</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="126"/>
        <source>headset broken</source>
        <translation>耳机损坏</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="126"/>
        <source>PC down</source>
        <translation>电脑故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="126"/>
        <source>phone line fault</source>
        <translation>电话线路故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="127"/>
        <source>chair or desk damaged</source>
        <translation>桌椅损坏</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="128"/>
        <source>Expected back</source>
        <translation>预计恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="135"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../app/ui/pin_dialog.py" line="35"/>
        <source>Supervisor</source>
        <translation>值班主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/pin_dialog.py" line="36"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../app/ui/pin_dialog.py" line="49"/>
        <source>There is no supervisor yet: add one in Shifts and people.</source>
        <translation>还没有值班主管：请在“班次与人员”中添加。</translation>
    </message>
</context>
<context>
    <name>PlaybookEditor</name>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="204"/>
        <source>Edit playbook: {title} (version {version})</source>
        <translation>编辑预案：{title}（第 {version} 版）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="208"/>
        <source>New playbook</source>
        <translation>新建预案</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="216"/>
        <source>e.g. acd-login-failure</source>
        <translation>例如 acd-login-failure</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="219"/>
        <source>A new version keeps the key of the playbook</source>
        <translation>新版本沿用预案的标识</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="229"/>
        <source>e.g. supervisor, IT duty, duty manager</source>
        <translation>例如 值班主管、IT值班、值班经理</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="234"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="268"/>
        <source>&amp;Add step</source>
        <translation>添加步骤(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="269"/>
        <source>A new step below the current one (Ctrl+Enter)</source>
        <translation>在当前步骤下方新增一步（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="270"/>
        <source>&amp;Remove step</source>
        <translation>删除步骤(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="271"/>
        <source>Remove the current step (Delete in the table)</source>
        <translation>删除当前步骤（在表格中按 Delete）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="272"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="273"/>
        <source>Move the current step up (Ctrl+Up)</source>
        <translation>将当前步骤上移（Ctrl+↑）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="274"/>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="275"/>
        <source>Move the current step down (Ctrl+Down)</source>
        <translation>将当前步骤下移（Ctrl+↓）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="280"/>
        <source>Steps — Ctrl+Enter: new step · Ctrl+Up / Ctrl+Down: move · Delete: remove · &quot;If this fails&quot;: the step to go on with when this one does not work (— for none)</source>
        <translation>步骤 — Ctrl+Enter：新增一步 · Ctrl+↑ / Ctrl+↓：移动 · Delete：删除 · “不奏效时”：本步骤不奏效时接着做的步骤（— 表示无）</translation>
    </message>
</context>
<context>
    <name>PlaybookView</name>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="182"/>
        <source>Playbooks</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="185"/>
        <source>Playbooks (Enter starts one)</source>
        <translation>应急预案（回车启动）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="186"/>
        <source>Start a run (Ctrl+R)</source>
        <translation>启动处置（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="187"/>
        <source>Playbook</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="188"/>
        <source>Start a run</source>
        <translation>启动处置</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="188"/>
        <source>Edit the playbook…</source>
        <translation>编辑预案…</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="189"/>
        <source>New playbook…</source>
        <translation>新建预案…</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="189"/>
        <source>Print the desk card…</source>
        <translation>打印桌面卡片…</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="190"/>
        <source>Save the desk card as PDF…</source>
        <translation>将桌面卡片存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="190"/>
        <source>Contacts…</source>
        <translation>联系人…</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="191"/>
        <source>Alert rules…</source>
        <translation>预警规则…</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="192"/>
        <source>Import playbooks…</source>
        <translation>导入预案…</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="192"/>
        <source>Export playbooks…</source>
        <translation>导出预案…</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="193"/>
        <source>Retire the playbook…</source>
        <translation>停用预案…</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="196"/>
        <source>Runs</source>
        <translation>处置记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="197"/>
        <source>The playbook</source>
        <translation>预案内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="198"/>
        <source>At the shift change: agents still on long calls</source>
        <translation>交接班时仍在长通话的坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="199"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="199"/>
        <source>On the call since</source>
        <translation>通话开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="199"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="200"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="200"/>
        <source>Shift ends</source>
        <translation>下班时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="267"/>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="289"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="289"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="289"/>
        <source>Situation</source>
        <translation>适用情形</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="290"/>
        <source>How to recognise it</source>
        <translation>如何识别</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="290"/>
        <source>Roles</source>
        <translation>涉及角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="291"/>
        <source>What to do</source>
        <translation>做什么</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="291"/>
        <source>Who (on duty now)</source>
        <translation>执行人（当前值班）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="291"/>
        <source>Min.</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="295"/>
        <source>If this fails, go to step {n}.</source>
        <translation>不成功则转到第 {n} 步。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="315"/>
        <source>{role}: {name} {phone}</source>
        <translation>{role}：{name} {phone}</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="325"/>
        <source>{status} · {title} · started {time} by {by}</source>
        <translation>{status} · {title} · {by} 于 {time} 启动</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="333"/>
        <source>Runs: {active} active, {n} in this shift or still open</source>
        <translation>处置：进行中 {active} 个，本班或未结束的共 {n} 个</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="334"/>
        <source>No run in this shift yet: choose a playbook and press Enter to start one.</source>
        <translation>本班还没有处置记录：选择一个预案，按回车启动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="363"/>
        <source>Agents on long calls ({n})</source>
        <translation>正在长通话的坐席（{n} 人）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="365"/>
        <source>At the shift change: agents still on long calls ({n})</source>
        <translation>交接班时仍在长通话的坐席（{n} 人）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="361"/>
        <source>At the shift change: nobody is on a long call</source>
        <translation>交接班时没有坐席在长通话</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="371"/>
        <source>Start “{title}”</source>
        <translation>启动“{title}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="387"/>
        <source>Choose who is writing first (Work log, Writing as).</source>
        <translation>请先选择记录人（工作日志中的“记录人”）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="424"/>
        <source>“{title}” started; it is in the work log.</source>
        <translation>“{title}”已启动，并已记入工作日志。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="426"/>
        <source>“{title}” started (the site has no shift, so no work-log entry).</source>
        <translation>“{title}”已启动（本场地没有班次，因此未记入工作日志）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="448"/>
        <source>“{title}” is running already; the alert is added to that run.</source>
        <translation>“{title}”正在处置中，该预警已并入这次处置。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="508"/>
        <source>Skip step {n}</source>
        <translation>跳过第 {n} 步</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="508"/>
        <source>Why is it skipped?</source>
        <translation>为什么跳过？</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="523"/>
        <source>Note on step {n}</source>
        <translation>第 {n} 步的备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="523"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="548"/>
        <source>Close the run of “{title}”</source>
        <translation>结束“{title}”的处置</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="549"/>
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="555"/>
        <source>Run closed; the work log has its outcome.</source>
        <translation>处置已结束，结果已记入工作日志。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="586"/>
        <source>There is a playbook “{key}” already: edit that one (a new version), or choose another key.</source>
        <translation>已有标识为“{key}”的预案：请编辑该预案（生成新版本），或换一个标识。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="592"/>
        <source>“{title}” saved as version {version}.</source>
        <translation>“{title}”已保存为第 {version} 版。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="618"/>
        <source>Retire “{title}”</source>
        <translation>停用“{title}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="619"/>
        <source>Type the title to confirm (past runs keep it)</source>
        <translation>输入预案标题以确认（以往的处置记录保留）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="623"/>
        <source>The title does not match.</source>
        <translation>标题不一致。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="654"/>
        <source>Alert rules saved.</source>
        <translation>预警规则已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="669"/>
        <source>Import playbooks</source>
        <translation>导入预案</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="670"/>
        <location filename="../../app/ui/playbook/view.py" line="686"/>
        <source>Playbooks (*.yaml *.yml)</source>
        <translation>预案文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="675"/>
        <source>{saved} playbooks saved (new or new versions), {same} unchanged.</source>
        <translation>已保存 {saved} 个预案（新建或新版本），{same} 个未变。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="685"/>
        <source>Export playbooks</source>
        <translation>导出预案</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="692"/>
        <source>{n} playbooks written to {path}.</source>
        <translation>已将 {n} 个预案写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="704"/>
        <source>Save the desk card as PDF</source>
        <translation>将桌面卡片存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="705"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="708"/>
        <source>Desk card printed to {path}.</source>
        <translation>桌面卡片已打印到 {path}。</translation>
    </message>
</context>
<context>
    <name>PostShiftPanel</name>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="132"/>
        <source>Current shift</source>
        <translation>当前班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="133"/>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="134"/>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="135"/>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="136"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="137"/>
        <source>The shift&apos;s figures (as they stand now)</source>
        <translation>本班次数据（截至目前）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="138"/>
        <source>Half hour</source>
        <translation>半小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="138"/>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="138"/>
        <source>SL</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="139"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="139"/>
        <source>Offered</source>
        <translation>呼入量</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="139"/>
        <source>Abandoned</source>
        <translation>放弃量</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="140"/>
        <source>The meeting</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="141"/>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="142"/>
        <source>How the shift went, in your words</source>
        <translation>用你自己的话总结本班次情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="143"/>
        <source>Case reviewed</source>
        <translation>复盘案例</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="144"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="145"/>
        <source>Tomorrow&apos;s topic</source>
        <translation>明日话题</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="146"/>
        <source>Shared at the next pre-shift meeting&apos;s warm-up</source>
        <translation>在下一次班前会热身时分享</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="147"/>
        <source>Save the record</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="206"/>
        <source>No shift is defined for this day.</source>
        <translation>这一天没有定义班次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="223"/>
        <source>Rostered {scheduled} · present {present} · late {late} · absent {absent} · leave {leave} · swapped {swapped} · left early {left_early} · not marked {unmarked}</source>
        <translation>排班 {scheduled} · 出勤 {present} · 迟到 {late} · 缺勤 {absent} · 请假 {leave} · 调班 {swapped} · 早退 {left_early} · 未登记 {unmarked}</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="231"/>
        <source>Service level over the shift: {totals}</source>
        <translation>本班次服务水平：{totals}</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="233"/>
        <source>No complete half hour of the shift has figures yet.</source>
        <translation>本班次还没有完整的半小时数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="252"/>
        <source>No case reviewed</source>
        <translation>不复盘案例</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="269"/>
        <source>No record kept yet for this shift.</source>
        <translation>本班次尚无班后会记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="271"/>
        <source>Saved by {by} at {time} (revision {revision})</source>
        <translation>由 {by} 于 {time} 保存（第 {revision} 版）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="284"/>
        <source>Choose who is writing first (Work log, Writing as).</source>
        <translation>请先选择记录人（工作日志中的“记录人”）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="307"/>
        <source>Post-shift meeting saved (revision {revision}).</source>
        <translation>班后会记录已保存（第 {revision} 版）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="311"/>
        <source>The meeting ends after it starts, within 4 hours.</source>
        <translation>会议结束时间须晚于开始时间，且不超过 4 小时。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/post_shift_panel.py" line="312"/>
        <source>Give the meeting&apos;s start.</source>
        <translation>请填写会议开始时间。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../app/ui/preferences.py" line="35"/>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/preferences.py" line="38"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>QualityModel</name>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="39"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="39"/>
        <source>Change</source>
        <translation>交接时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="39"/>
        <source>Outgoing → incoming</source>
        <translation>交班 → 接班</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="40"/>
        <source>SL around</source>
        <translation>交接前后服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="40"/>
        <source>SL rest</source>
        <translation>其余时段服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="40"/>
        <source>Drop (points)</source>
        <translation>下降（百分点）</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="41"/>
        <source>Calls around / rest</source>
        <translation>来电 前后 / 其余</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="41"/>
        <source>Handover</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="41"/>
        <source>Agents short</source>
        <translation>缺员（坐席）</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="42"/>
        <source>Signed by both</source>
        <translation>双方签字</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="42"/>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="42"/>
        <source>Playbook runs</source>
        <translation>应急预案执行</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="45"/>
        <source>not opened</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="45"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="46"/>
        <source>outgoing signed</source>
        <translation>交班已签</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="46"/>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="48"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="48"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="48"/>
        <source>not yet due</source>
        <translation>尚未到期</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_quality/model.py" line="85"/>
        <source>Around the change: {required:.1f} agents required on average (Erlang C), {staffed:.1f} staffed; agent-half-hours short in all: {short:.1f}</source>
        <translation>交接前后：平均需要 {required:.1f} 名坐席（Erlang C），排班 {staffed:.1f} 名；共缺 {short:.1f} 个坐席·半小时</translation>
    </message>
</context>
<context>
    <name>QueueSettingsDialog</name>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="68"/>
        <source>Queue settings of {source}</source>
        <translation>{source} 的队列设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="70"/>
        <source>Tick a queue to give it its own threshold, target and definition; the others follow the source ({t:g} s, {target:g} %). Applying recomputes the stored figures.</source>
        <translation>勾选队列即可为其单独设置阈值、目标和口径；未勾选的队列沿用数据源设置（{t:g} 秒，{target:g} %）。应用后将重新计算已存数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="74"/>
        <source>Own settings</source>
        <translation>单独设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="74"/>
        <source>Threshold T (s)</source>
        <translation>阈值 T（秒）</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="74"/>
        <source>Target %</source>
        <translation>目标 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="74"/>
        <source>Definition</source>
        <translation>口径</translation>
    </message>
    <message>
        <location filename="../../app/ui/feeds/queue_settings_dialog.py" line="98"/>
        <source>Saved; {n} intervals recomputed.</source>
        <translation>已保存；重新计算了 {n} 个时段。</translation>
    </message>
</context>
<context>
    <name>ReminderBar</name>
    <message>
        <location filename="../../app/ui/reminders.py" line="98"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders.py" line="99"/>
        <source>Snooze 15 min</source>
        <translation>15 分钟后再提醒</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders.py" line="100"/>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders.py" line="172"/>
        <source>(+{n} more)</source>
        <translation>（另有 {n} 条）</translation>
    </message>
</context>
<context>
    <name>ReminderTimesDialog</name>
    <message>
        <location filename="../../app/ui/reminders.py" line="226"/>
        <source>Reminder times</source>
        <translation>提醒时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders.py" line="227"/>
        <source>Agenda not prepared: remind this long before the shift change</source>
        <translation>议程未准备：交接班前多久提醒</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders.py" line="228"/>
        <source>Handover not signed: remind this long after the shift change</source>
        <translation>交接未签字：交接班后多久提醒</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders.py" line="230"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders.py" line="231"/>
        <source>The day&apos;s plan at</source>
        <translation>当日计划时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders.py" line="232"/>
        <source>The day&apos;s summary at</source>
        <translation>当日总结时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders.py" line="233"/>
        <source>These times are the site&apos;s: every desk of the floor reminds at them.</source>
        <translation>这些时间属于整个站点：现场每个席位都按此提醒。</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="67"/>
        <source>Import a roster</source>
        <translation>导入排班表</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="68"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="69"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="70"/>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="71"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="70"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="70"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="71"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="71"/>
        <source>Row</source>
        <translation>原始内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="73"/>
        <source>A schedule export, CSV or Excel: one row per agent per date, with the agent id, the date, the shift name or its start and end, and optional activities.</source>
        <translation>排班系统导出的 CSV 或 Excel 文件：每名坐席每天一行，包括工号、日期、班次名称（或上下班时间），以及可选的活动安排。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="75"/>
        <source>Ready</source>
        <translation>可导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="76"/>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="79"/>
        <source>Roster file</source>
        <translation>排班文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="80"/>
        <source>Schedule exports (*.csv *.xlsx);;All files (*)</source>
        <translation>排班导出文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="89"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="106"/>
        <source>Dates {first} to {last}.</source>
        <translation>日期 {first} 至 {last}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="109"/>
        <source>{ready} rows ready, {rejected} rejected.</source>
        <translation>{ready} 行可导入，{rejected} 行被拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="110"/>
        <source>Importing replaces the {n} roster entries stored for those dates; the {kept} attendance marks already recorded stay as they are.</source>
        <translation>导入将替换这些日期已有的 {n} 条排班；已登记的 {kept} 条考勤保持不变。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="125"/>
        <source>Ready ({n})</source>
        <translation>可导入（{n}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/roster_import.py" line="126"/>
        <source>Rejected ({n})</source>
        <translation>被拒绝（{n}）</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../app/ui/playbook/rules_dialog.py" line="24"/>
        <source>Alert rules</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/rules_dialog.py" line="25"/>
        <source>Warn when one interval is below target (two in a row are always critical)</source>
        <translation>单个时段低于目标时预警（连续两个时段低于目标始终为严重）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/rules_dialog.py" line="42"/>
        <source>Judge a running interval once it has (calls)</source>
        <translation>进行中的时段达到以下来电数才判断</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/rules_dialog.py" line="43"/>
        <source>Traffic peak: calls above last week&apos;s same half hour by</source>
        <translation>话务高峰：来电超过上周同一时段的倍数</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/rules_dialog.py" line="44"/>
        <source>… and at least (calls)</source>
        <translation>……且来电至少</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/rules_dialog.py" line="45"/>
        <source>Oldest waiting call over</source>
        <translation>等待最久的来电超过</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/rules_dialog.py" line="46"/>
        <source>At the shift change: agents present but not logged in, at least</source>
        <translation>交接班时：到岗但未登录的坐席至少</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/rules_dialog.py" line="47"/>
        <source>The shift change: minutes before and after a shift starts</source>
        <translation>交接班时段：班次开始前后的分钟数</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/rules_dialog.py" line="48"/>
        <source>A long call: answered more than (minutes) ago</source>
        <translation>长通话：接通超过的分钟数</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="181"/>
        <source>Done (Space)</source>
        <translation>完成（空格）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="181"/>
        <source>Did not work (F)</source>
        <translation>不成功（F）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="182"/>
        <source>Skip… (S)</source>
        <translation>跳过…（S）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="182"/>
        <source>Note… (N)</source>
        <translation>备注…（N）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="183"/>
        <source>Close the run…</source>
        <translation>结束处置…</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="185"/>
        <source>On the steps: Space or Enter done · F did not work (go on at the step named) · S skip (say why) · N note</source>
        <translation>在步骤上：空格或回车完成 · F 不成功（转到指定步骤）· S 跳过（写明原因）· N 备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="214"/>
        <source>No run selected</source>
        <translation>未选择处置记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="218"/>
        <source>{title} (version {version})</source>
        <translation>{title}（第 {version} 版）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="221"/>
        <source>Started {time} by {by} · {done} of {total} steps done, {skipped} skipped</source>
        <translation>{by} 于 {time} 启动 · 共 {total} 步，已完成 {done} 步，跳过 {skipped} 步</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="224"/>
        <source>closed {time} by {by}: {outcome}</source>
        <translation>{by} 于 {time} 结束：{outcome}</translation>
    </message>
</context>
<context>
    <name>RunStepsModel</name>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="58"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="58"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="58"/>
        <source>Who</source>
        <translation>执行人</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="59"/>
        <source>Min.</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="59"/>
        <source>Done?</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="59"/>
        <source>By, at</source>
        <translation>执行人、时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="60"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="67"/>
        <source>{role}: {name} {phone}</source>
        <translation>{role}：{name} {phone}</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/run_panel.py" line="83"/>
        <source>(if this fails → step {n})</source>
        <translation>（不成功 → 第 {n} 步）</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="119"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="119"/>
        <source>&amp;Days</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="119"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="120"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="120"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="120"/>
        <source>Written by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="121"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="121"/>
        <source>Saved &amp;filters</source>
        <translation>已存筛选(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="124"/>
        <source>words in the text, customer, promise, owner, remark or tags</source>
        <translation>搜索内容、客户、承诺、负责人、说明或标签中的文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="125"/>
        <source>this shift</source>
        <translation>本班</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="125"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="125"/>
        <source>last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="126"/>
        <source>last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="126"/>
        <source>any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="126"/>
        <source>between…</source>
        <translation>指定日期…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="128"/>
        <location filename="../../app/ui/work_log/search_panel.py" line="130"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="130"/>
        <source>open items (open or in progress)</source>
        <translation>未结事项（待处理或处理中）</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="131"/>
        <source>notes (no status)</source>
        <translation>纯记录（无状态）</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="134"/>
        <source>with withdrawn entries</source>
        <translation>包括已撤回的记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="135"/>
        <source>Save filter…</source>
        <translation>保存筛选…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="136"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="137"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="234"/>
        <source>Entries found: {n}</source>
        <translation>找到的记录：{n} 条</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="245"/>
        <source>(choose)</source>
        <translation>（选择）</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="261"/>
        <source>Save filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/search_panel.py" line="261"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>SeatConflictDialog</name>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="29"/>
        <source>Changed by another desk</source>
        <translation>已被另一席位修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="33"/>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="33"/>
        <source>When you looked</source>
        <translation>您查看时</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="33"/>
        <source>Stored now</source>
        <translation>当前保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="34"/>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="34"/>
        <source>Your change</source>
        <translation>您的修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="52"/>
        <source>Seat {seats} was changed by another desk after you looked at the map. Nothing of yours was saved yet. Choose which version stays.</source>
        <translation>您查看座位图后，座位 {seats} 已被另一席位修改。您的修改尚未保存。请选择保留哪个版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="55"/>
        <source>&amp;Apply my change over it</source>
        <translation>用我的修改覆盖(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="55"/>
        <source>&amp;Keep the stored version</source>
        <translation>保留已保存的版本(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="68"/>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="71"/>
        <source>{agents} · out of service: {reason}</source>
        <translation>{agents} · 停用：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="76"/>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="79"/>
        <source>at {time}</source>
        <translation>于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="80"/>
        <source>{name} at {time}</source>
        <translation>{name} 于 {time}</translation>
    </message>
</context>
<context>
    <name>SeatMapView</name>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="107"/>
        <source>Seat map</source>
        <translation>座位安排</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="110"/>
        <source>Edit the layout</source>
        <translation>编辑布局</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="111"/>
        <source>Find an agent (Ctrl+F)</source>
        <translation>查找坐席（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="112"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="113"/>
        <source>Seating</source>
        <translation>排座</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="114"/>
        <source>Expected on the floor, not seated (drag onto a seat)</source>
        <translation>应到岗但未安排座位（拖到座位上）</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="115"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="116"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="117"/>
        <source>out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="193"/>
        <source>Shift: {shift}</source>
        <translation>班次：{shift}</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="224"/>
        <source>Seat {seat} freed: {name} marked absent ({time})</source>
        <translation>座位 {seat} 已空出：{name} 登记为缺勤（{time}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="231"/>
        <source>Seat {seat} out of service: {reason} · back {time}</source>
        <translation>座位 {seat} 停用：{reason} · 预计 {time} 恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="234"/>
        <source>Seat {seat} out of service: {reason}</source>
        <translation>座位 {seat} 停用：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="244"/>
        <source>No floor yet. Seating menu: import a layout (CSV: seat code, x, y, zone) or add a floor and draw it in Edit the layout.</source>
        <translation>还没有楼层。请在“排座”菜单中导入布局（CSV：座位号、x、y、区域），或添加楼层后在“编辑布局”中绘制。</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="285"/>
        <source>{name} sits at {seat}.</source>
        <translation>{name} 坐在 {seat}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/view.py" line="287"/>
        <source>No seated agent matches {text}.</source>
        <translation>没有已安排座位的坐席与“{text}”相符。</translation>
    </message>
</context>
<context>
    <name>ServiceLevelChart</name>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="91"/>
        <source>Calls offered</source>
        <translation>呼入量</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="92"/>
        <source>Service level %</source>
        <translation>服务水平 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="185"/>
        <source>{time}: no data</source>
        <translation>{time}：无数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="189"/>
        <source>{time} ({state})</source>
        <translation>{time}（{state}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="189"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="189"/>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="190"/>
        <source>Offered {n}, answered {a}, abandoned {b}</source>
        <translation>呼入 {n}，接通 {a}，放弃 {b}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="191"/>
        <source>Answered within T: {n}</source>
        <translation>T 内接通：{n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="192"/>
        <source>Service level: {sl}</source>
        <translation>服务水平：{sl}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="193"/>
        <source>ASA {asa} s, AHT {aht} s, longest wait {mx} s</source>
        <translation>平均应答 {asa} 秒，平均处理 {aht} 秒，最长等待 {mx} 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/chart.py" line="198"/>
        <source>Waiting now: {n}</source>
        <translation>当前排队：{n}</translation>
    </message>
</context>
<context>
    <name>ServiceLevelModels</name>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="29"/>
        <source>Answered in T / offered</source>
        <translation>T 内接通 / 呼入</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="30"/>
        <source>Answered in T / answered</source>
        <translation>T 内接通 / 接通</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="31"/>
        <source>Short abandons left out</source>
        <translation>剔除短时放弃</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="32"/>
        <source>Short abandons count as met</source>
        <translation>短时放弃计为达标</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="51"/>
        <location filename="../../app/ui/service_level/models.py" line="127"/>
        <source>Interval</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="51"/>
        <location filename="../../app/ui/service_level/models.py" line="127"/>
        <source>Offered</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="51"/>
        <location filename="../../app/ui/service_level/models.py" line="127"/>
        <source>Answered</source>
        <translation>接通</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="51"/>
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="51"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="51"/>
        <source>Waiting</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="52"/>
        <location filename="../../app/ui/service_level/models.py" line="127"/>
        <source>Within T</source>
        <translation>T 内接通</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="52"/>
        <source>SL %</source>
        <translation>服务水平 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="52"/>
        <source>ASA s</source>
        <translation>平均应答 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="52"/>
        <source>AHT s</source>
        <translation>平均处理 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="52"/>
        <source>Longest wait s</source>
        <translation>最长等待 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="74"/>
        <location filename="../../app/ui/service_level/models.py" line="150"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="110"/>
        <source>Below the target of {t:g} %</source>
        <translation>低于目标 {t:g} %</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="127"/>
        <source>Short abandons</source>
        <translation>短时放弃</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="142"/>
        <source>Definition &apos;{name}&apos;</source>
        <translation>口径“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/models.py" line="215"/>
        <source>{day} {time}: offered {n}, service level {sl}</source>
        <translation>{day} {time}：呼入 {n}，服务水平 {sl}</translation>
    </message>
</context>
<context>
    <name>ServiceLevelView</name>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="141"/>
        <source>Queues shown (several are combined, volume-weighted)</source>
        <translation>显示的队列（多个队列按话量加权合并）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="142"/>
        <source>Previous day</source>
        <translation>前一天</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="143"/>
        <source>Next day</source>
        <translation>后一天</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="144"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="145"/>
        <source>Same weekday a week earlier</source>
        <translation>上周同日对比</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="146"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="147"/>
        <source>Abandoned calls…</source>
        <translation>放弃呼叫…</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="150"/>
        <source>The abandoned calls of the selected interval, to turn into callback follow-ups (Ctrl+Shift+B)</source>
        <translation>所选时段的放弃呼叫，可转为回电跟进（Ctrl+Shift+B）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="151"/>
        <source>What if…</source>
        <translation>假如…</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="154"/>
        <source>Take agents off the phones for a while: the service level expected before and after, and the best slot for a meeting (Ctrl+Shift+W)</source>
        <translation>让坐席暂时离线：前后的预计服务水平，以及开会的最佳时段（Ctrl+Shift+W）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="156"/>
        <source>Queue settings…</source>
        <translation>队列设置…</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="157"/>
        <source>Threshold, target and definition per queue</source>
        <translation>按队列设置阈值、目标和口径</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="158"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="159"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="160"/>
        <source>Definitions side by side</source>
        <translation>各口径对照</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="170"/>
        <source>Service level</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="192"/>
        <location filename="../../app/ui/service_level/view.py" line="214"/>
        <source>All queues</source>
        <translation>全部队列</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="328"/>
        <source>mixed</source>
        <translation>不一</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="328"/>
        <source>{t:g} s</source>
        <translation>{t:g} 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="330"/>
        <source>{source} · {site} · {day} ({zone})</source>
        <translation>{source} · {site} · {day}（{zone}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="333"/>
        <source>Service level: {definition}, threshold {t}, target {target:g} %</source>
        <translation>服务水平：{definition}，阈值 {t}，目标 {target:g} %</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="338"/>
        <source>Day so far: {sl:.1f} % of {n} calls</source>
        <translation>今日累计：{n} 通电话，{sl:.1f} %</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="340"/>
        <source>No data for this day.</source>
        <translation>当天没有数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="342"/>
        <source>Vendor rule: {rule}</source>
        <translation>厂商口径：{rule}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="430"/>
        <source>Export the table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="430"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="437"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/view.py" line="440"/>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="385"/>
        <source>Shifts and people</source>
        <translation>班次与人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="386"/>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="386"/>
        <source>Special days</source>
        <translation>特殊日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="386"/>
        <source>Teams</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="386"/>
        <source>Supervisors</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="387"/>
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
</context>
<context>
    <name>SheetActions</name>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="50"/>
        <source>Import a roster…</source>
        <translation>导入排班表…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="51"/>
        <source>Import agents…</source>
        <translation>导入坐席名单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="52"/>
        <source>Add an agent to this shift…</source>
        <translation>为本班次添加坐席…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="53"/>
        <source>Take the selected agent off this shift</source>
        <translation>将所选坐席移出本班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="54"/>
        <source>Record a personnel change…</source>
        <translation>登记人员异动…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="55"/>
        <source>New business notice…</source>
        <translation>新建业务通知…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="56"/>
        <source>Print the sheet…</source>
        <translation>打印信息表…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="57"/>
        <source>Save the sheet as PDF…</source>
        <translation>将信息表存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="58"/>
        <source>Export the sheet to Excel…</source>
        <translation>将信息表导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="59"/>
        <source>Shifts and people…</source>
        <translation>班次与人员…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="115"/>
        <source>Roster imported: {written} entries for {first} to {last} ({replaced} replaced).</source>
        <translation>排班已导入：{first} 至 {last} 共 {written} 条（替换 {replaced} 条）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="123"/>
        <source>Agents file</source>
        <translation>坐席名单文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="124"/>
        <source>Agent lists (*.csv *.xlsx);;All files (*)</source>
        <translation>坐席名单 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="132"/>
        <source>{added} agents added, {updated} updated, {teams} teams created, {problems} rows rejected.</source>
        <translation>新增坐席 {added} 名，更新 {updated} 名，新建班组 {teams} 个，拒绝 {problems} 行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="136"/>
        <source>Import agents</source>
        <translation>导入坐席名单</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="139"/>
        <source>line {line}: {reason} — {row}</source>
        <translation>第 {line} 行：{reason} — {row}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="165"/>
        <source>Take off the shift</source>
        <translation>移出班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="166"/>
        <source>Take {name} off this shift&apos;s roster? Attendance already recorded stays in the history.</source>
        <translation>将 {name} 移出本班次排班？已登记的考勤仍保留在历史中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="211"/>
        <source>Acknowledge a notice</source>
        <translation>确认业务通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="212"/>
        <source>I have read “{title}” (version {version}) and will pass it on.</source>
        <translation>我已阅读《{title}》（第 {version} 版），并将传达到位。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="216"/>
        <source>Notice acknowledged.</source>
        <translation>通知已确认。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="244"/>
        <source>Print the sheet to PDF</source>
        <translation>将信息表打印为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="246"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="258"/>
        <source>Export the sheet</source>
        <translation>导出信息表</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/sheet_actions.py" line="260"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <location filename="../../app/ui/handover/pages.py" line="149"/>
        <source>Acknowledge…</source>
        <translation>确认…</translation>
    </message>
</context>
<context>
    <name>SheetTableModel</name>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="52"/>
        <location filename="../../app/ui/shift_sheet/models.py" line="91"/>
        <source>no longer rostered</source>
        <translation>已不在排班中</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="108"/>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="108"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="108"/>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="109"/>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="109"/>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="109"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="110"/>
        <source>ACD check</source>
        <translation>ACD 核对</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="110"/>
        <source>Scheduled</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="110"/>
        <source>Activities</source>
        <translation>活动安排</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/models.py" line="126"/>
        <source>Marked by {name} at {time}</source>
        <translation>{name} 于 {time} 登记</translation>
    </message>
</context>
<context>
    <name>ShiftSheetView</name>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="154"/>
        <source>Shift sheet</source>
        <translation>当班信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="157"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="158"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="159"/>
        <source>Supervisor on duty</source>
        <translation>值班主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="160"/>
        <source>Current shift</source>
        <translation>当前班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="161"/>
        <source>Open the shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="162"/>
        <source>Roster and sheet</source>
        <translation>排班与信息表</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="164"/>
        <source>Keys on the table: P or Space present · L late · A absent · V on leave · S swapped · E left early · N note · Backspace clear · Ctrl+Z undo · each mark moves to the next agent</source>
        <translation>表格快捷键：P 或空格 出勤 · L 迟到 · A 缺勤 · V 请假 · S 换班 · E 早退 · N 备注 · Backspace 清除 · Ctrl+Z 撤销 · 每登记一人自动跳到下一人</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="166"/>
        <source>Personnel changes</source>
        <translation>人员异动</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="167"/>
        <source>Business notices</source>
        <translation>业务通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="168"/>
        <location filename="../../app/ui/shift_sheet/view.py" line="263"/>
        <source>ACD check</source>
        <translation>ACD 核对</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="263"/>
        <source>ACD check ({n})</source>
        <translation>ACD 核对（{n}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="288"/>
        <source>No shift is defined for this day yet. Define the site&apos;s shifts in Shifts and people (Roster and sheet menu), then import a roster.</source>
        <translation>这一天还没有班次。请先在“班次与人员”（“排班与信息表”菜单）中定义站点的班次，然后导入排班表。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="291"/>
        <source>Nobody is rostered on this shift yet. Import a roster (Ctrl+Shift+I) or add agents by hand.</source>
        <translation>本班次还没有排班。请导入排班表（Ctrl+Shift+I）或手工添加坐席。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="310"/>
        <source>(nobody yet)</source>
        <translation>（尚未指定）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="327"/>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="327"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="328"/>
        <source>handed over</source>
        <translation>已交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/view.py" line="329"/>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
</context>
<context>
    <name>ShiftsTab</name>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="118"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="118"/>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="122"/>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="118"/>
        <source>Ends (next day when earlier)</source>
        <translation>结束（早于开始时间即为次日）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="122"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="122"/>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="122"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../app/ui/sign_in.py" line="204"/>
        <source>Demo: every supervisor&apos;s PIN is {pin}.</source>
        <translation>演示：每位主管的 PIN 都是 {pin}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="228"/>
        <source>Who may sign in cannot be read: {reason} The desk stays locked and tries again in a few seconds.</source>
        <translation>无法读取可登录人员：{reason} 席位保持锁定，几秒后重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="273"/>
        <source>Signed in: {name} ({role}).</source>
        <translation>已登录：{name}（{role}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="286"/>
        <source>{count} wrong PINs in a row: try again in {seconds} seconds.</source>
        <translation>连续 {count} 次 PIN 错误：请 {seconds} 秒后再试。</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../app/ui/sign_in.py" line="92"/>
        <source>Who is at this desk?</source>
        <translation>谁在使用这个席位？</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="93"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="94"/>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="95"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="105"/>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="113"/>
        <source>Sign in with your PIN. What you can do here follows your role: supervisors do everything, team leaders write the work log and attendance, viewers read.</source>
        <translation>请用您的 PIN 登录。可做的操作取决于您的角色：主管可做全部操作，组长可写工作日志和考勤，查看者只能查看。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="115"/>
        <source>The desk locked itself after {minutes} minutes without use; {name} was signed in. What was typed is kept: sign in again, or as someone else.</source>
        <translation>席位 {minutes} 分钟无操作后已自动锁定；之前登录的是 {name}。已输入的内容都保留：请重新登录，或以其他人身份登录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="118"/>
        <source>{name} signed out. What was typed is kept for whoever signs in next.</source>
        <translation>{name} 已退出登录。已输入的内容保留给下一位登录的人。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="136"/>
        <source>No one to sign in: the database has no active supervisor.</source>
        <translation>无人可登录：数据库中没有在职的主管。</translation>
    </message>
</context>
<context>
    <name>SpecialDaysTab</name>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="163"/>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="169"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="163"/>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="169"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="163"/>
        <source>Opens</source>
        <translation>开始营业</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="163"/>
        <source>Closes</source>
        <translation>结束营业</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="165"/>
        <source>Closed all day</source>
        <translation>全天休息</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="166"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="169"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="172"/>
        <source>closed</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="193"/>
        <source>A special day needs a name (e.g. National Day).</source>
        <translation>特殊日期需要名称（例如：国庆节）。</translation>
    </message>
</context>
<context>
    <name>StaffingPanel</name>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="81"/>
        <source>Agents</source>
        <translation>坐席数</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="83"/>
        <source>required (Erlang C)</source>
        <translation>需要（Erlang C）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="84"/>
        <source>staffed (shift sheet)</source>
        <translation>排班在岗（班次表）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="85"/>
        <source>logged in (feed)</source>
        <translation>已登录（话务数据）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="86"/>
        <source>short</source>
        <translation>缺员</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="101"/>
        <source>No staffing to compare: the site needs shifts with a roster and calls with handle times.</source>
        <translation>无人力可比较：站点需要有排班的班次和带处理时长的来电。</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="134"/>
        <source>Required for {target:.0f} % within {threshold:.0f} s</source>
        <translation>按 {threshold:.0f} 秒内接通 {target:.0f} % 计算所需</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="136"/>
        <source>callers wait {seconds:.0f} s on average before hanging up (from the feed)</source>
        <translation>来电者平均等待 {seconds:.0f} 秒后挂断（据话务数据）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="137"/>
        <source>no abandons to estimate patience</source>
        <translation>没有放弃来电，无法估计耐心</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="139"/>
        <source>no half hour understaffed</source>
        <translation>没有缺员的半小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="143"/>
        <source>understaffed: {slots}</source>
        <translation>缺员：{slots}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="150"/>
        <source>{time} ({kind})</source>
        <translation>{time}（{kind}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="150"/>
        <source>forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="150"/>
        <source>actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="151"/>
        <source>Calls {calls} (forecast {forecast}), AHT {aht} s</source>
        <translation>来电 {calls}（预测 {forecast}），平均处理时长 {aht} 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="153"/>
        <source>Required {required}, staffed {staffed}, logged in {logged}</source>
        <translation>需要 {required}，排班 {staffed}，已登录 {logged}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="155"/>
        <source>Expected service level {expected}, actual {actual}</source>
        <translation>预计服务水平 {expected}，实际 {actual}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/staffing_panel.py" line="160"/>
        <source>Expected abandons {rate}</source>
        <translation>预计放弃率 {rate}</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="93"/>
        <source>Change the status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="103"/>
        <source>What was done, or why it was dropped (needed for done and cancelled)</source>
        <translation>做了什么，或为什么取消（完成和取消时必填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="106"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="107"/>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/dialogs.py" line="108"/>
        <source>Closing &amp;remark</source>
        <translation>结案说明(&amp;R)</translation>
    </message>
</context>
<context>
    <name>StepsModel</name>
    <message>
        <location filename="../../app/ui/playbook/editor.py" line="79"/>
        <source>The step to go on with when this one does not work (0: none, go on with the next)</source>
        <translation>本步骤不奏效时接着做的步骤（0：无，继续下一步）</translation>
    </message>
</context>
<context>
    <name>SupervisorsTab</name>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="262"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="262"/>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="269"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="262"/>
        <source>PIN (4–12 digits)</source>
        <translation>PIN 码（4–12 位数字）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="262"/>
        <source>PIN again</source>
        <translation>再次输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="269"/>
        <source>Supervisor</source>
        <translation>值班主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="287"/>
        <source>The two PINs differ.</source>
        <translation>两次输入的 PIN 码不一致。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="290"/>
        <source>A supervisor needs a name.</source>
        <translation>主管需要姓名。</translation>
    </message>
</context>
<context>
    <name>TalkPage</name>
    <message>
        <location filename="../../app/ui/handover/pages.py" line="429"/>
        <source>Face-to-face talk done</source>
        <translation>已当面交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/pages.py" line="430"/>
        <source>&amp;Note (what else the incoming supervisor must know)</source>
        <translation>备注(&amp;N)（接班主管还须知道的事）</translation>
    </message>
</context>
<context>
    <name>TeamsTab</name>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="217"/>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="227"/>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="217"/>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="227"/>
        <source>Team leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="217"/>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="227"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="222"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>Wallboard</name>
    <message>
        <location filename="../../app/ui/now/wallboard.py" line="37"/>
        <source>Wallboard</source>
        <translation>大屏</translation>
    </message>
    <message>
        <location filename="../../app/ui/now/wallboard.py" line="51"/>
        <source>{source} · {time}</source>
        <translation>{source} · {time}</translation>
    </message>
</context>
<context>
    <name>WarmupsDialog</name>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="80"/>
        <source>Warm-up library</source>
        <translation>热身活动库</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="81"/>
        <source>Warm-up</source>
        <translation>热身活动</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="81"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="81"/>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="86"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="82"/>
        <source>In rotation</source>
        <translation>参与轮换</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="83"/>
        <source>Take out of the rotation / put back</source>
        <translation>移出轮换 / 恢复轮换</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="84"/>
        <source>Add the center&apos;s own warm-up</source>
        <translation>添加本中心的热身活动</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="85"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="87"/>
        <source>How it is done</source>
        <translation>做法</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="88"/>
        <source>Add to the library</source>
        <translation>添加到活动库</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="104"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="104"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="125"/>
        <source>supervisor</source>
        <translation>值班主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="135"/>
        <source>“{name}” added to the library.</source>
        <translation>“{name}”已添加到活动库。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="154"/>
        <source>Give the warm-up a name (200 characters at most).</source>
        <translation>请为热身活动命名（最多 200 个字符）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="155"/>
        <source>Say how the warm-up is done.</source>
        <translation>请说明热身活动的做法。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/warmups_dialog.py" line="156"/>
        <source>A warm-up lasts 1 to 30 minutes.</source>
        <translation>热身活动时长为 1 到 30 分钟。</translation>
    </message>
</context>
<context>
    <name>WhatIfDialog</name>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="104"/>
        <source>What if agents go off the phones — {source}, {day}</source>
        <translation>假如坐席离线 — {source}，{day}</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="106"/>
        <source>Take agents off the phones</source>
        <translation>让坐席离线</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="107"/>
        <source>Best slot for a meeting or a huddle</source>
        <translation>开会或小组碰头的最佳时段</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="108"/>
        <source>&amp;Agents</source>
        <translation>坐席数(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="109"/>
        <source>&amp;From</source>
        <translation>开始(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="110"/>
        <source>For (&amp;minutes)</source>
        <translation>时长（分钟）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="111"/>
        <source>&amp;Between</source>
        <translation>时间范围(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="112"/>
        <source>and</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="113"/>
        <source>Meeting (mi&amp;nutes)</source>
        <translation>会议（分钟）(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="114"/>
        <source>&amp;Show the effect</source>
        <translation>查看影响(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="115"/>
        <source>Find the &amp;best slot</source>
        <translation>找最佳时段(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="116"/>
        <source>Half hour</source>
        <translation>半小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="116"/>
        <source>Calls expected</source>
        <translation>预计来电</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="117"/>
        <source>SL before</source>
        <translation>之前服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="117"/>
        <source>SL after</source>
        <translation>之后服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="117"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="145"/>
        <source>No half hour with calls expected is touched.</source>
        <translation>不涉及有预计来电的半小时。</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="150"/>
        <source>{agents} agents off the phones for {minutes} min: about {missed:.1f} more of {calls:.0f} calls expected would wait longer than the threshold.</source>
        <translation>{agents} 名坐席离线 {minutes} 分钟：预计 {calls:.0f} 个来电中约多 {missed:.1f} 个等待超过阈值。</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="170"/>
        <source>No slot fits in that window (it must hold the meeting, and calls must be known or forecast).</source>
        <translation>该时间范围内没有合适的时段（需容纳会议，且来电须已知或有预测）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/service_level/what_if_dialog.py" line="173"/>
        <source>Best: {start}–{end} with {agents} agents off: about {damage:.1f} more calls would miss the threshold (service level −{drop:.1f} points).</source>
        <translation>最佳：{start}–{end}，{agents} 名坐席离线：约多 {damage:.1f} 个来电超出阈值（服务水平 −{drop:.1f} 个百分点）。</translation>
    </message>
</context>
<context>
    <name>WorkLogView</name>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="196"/>
        <location filename="../../app/ui/work_log/view.py" line="203"/>
        <source>Work log</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="199"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="200"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="201"/>
        <source>Writing a&amp;s</source>
        <translation>记录人(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="202"/>
        <source>Current shift</source>
        <translation>当前班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="204"/>
        <source>Acknowledge (Ctrl+K)</source>
        <translation>确认接收（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="205"/>
        <source>Hand to a new owner…</source>
        <translation>移交新负责人…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="206"/>
        <source>Edit (F2)</source>
        <translation>编辑（F2）</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="206"/>
        <source>Status… (Ctrl+D)</source>
        <translation>状态…（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="207"/>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="207"/>
        <source>History (Ctrl+H)</source>
        <translation>历史（Ctrl+H）</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="210"/>
        <source>New entry</source>
        <translation>新记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="210"/>
        <source>Write from a template</source>
        <translation>用模板记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="211"/>
        <source>Acknowledge the carried item</source>
        <translation>确认接收遗留事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="211"/>
        <source>Acknowledge and hand to a new owner…</source>
        <translation>确认接收并移交新负责人…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="212"/>
        <source>Edit the entry…</source>
        <translation>编辑记录…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="212"/>
        <source>Change the status…</source>
        <translation>更改状态…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="213"/>
        <source>Withdraw the entry…</source>
        <translation>撤回记录…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="213"/>
        <source>History of the entry</source>
        <translation>记录的修改历史</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="214"/>
        <source>Search the log</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="214"/>
        <source>Print the shift&apos;s log…</source>
        <translation>打印本班日志…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="215"/>
        <source>Save the shift&apos;s log as PDF…</source>
        <translation>将本班日志存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="215"/>
        <source>Export the shift&apos;s log to Excel…</source>
        <translation>将本班日志导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="216"/>
        <source>Delete a template…</source>
        <translation>删除模板…</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="220"/>
        <source>This shift</source>
        <translation>本班</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="221"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="384"/>
        <source>Open {open} · overdue {overdue} · not acknowledged {unacked} · due this shift {soon}</source>
        <translation>未结 {open} · 逾期 {overdue} · 未确认 {unacked} · 本班到期 {soon}</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="393"/>
        <source>No shift is defined for this day. Define the site&apos;s shifts in Shifts and people (Shift sheet, Roster and sheet menu).</source>
        <translation>这一天没有定义班次。请在“班次与人员”（当班信息表的“排班与信息表”菜单）中定义本场地的班次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="400"/>
        <source>Carried from earlier shifts: {n} open, {u} to acknowledge</source>
        <translation>前几班遗留：{n} 项未结，{u} 项待确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="401"/>
        <source>Nothing carried from earlier shifts</source>
        <translation>前几班没有遗留事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="402"/>
        <source>Written in this shift: {n}</source>
        <translation>本班记录：{n} 条</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="452"/>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="455"/>
        <source>Withdrawn by {by}: {reason}</source>
        <translation>{by} 撤回：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="483"/>
        <source>Choose who is writing (Writing as) first.</source>
        <translation>请先选择记录人。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="529"/>
        <source>Entry #{id} saved. A slip? Withdraw it with Ctrl+Delete.</source>
        <translation>第 {id} 条记录已保存。记错了？用 Ctrl+Delete 撤回。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="573"/>
        <location filename="../../app/ui/work_log/view.py" line="586"/>
        <source>Select a carried item on top to acknowledge.</source>
        <translation>请先在上方选择要确认的遗留事项。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="577"/>
        <source>Item #{id} acknowledged by {by}.</source>
        <translation>第 {id} 项已由 {by} 确认接收。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="588"/>
        <source>Hand item #{id} to a new owner</source>
        <translation>将第 {id} 项移交新负责人</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="589"/>
        <source>New owner</source>
        <translation>新负责人</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="620"/>
        <source>Entry #{id} changed.</source>
        <translation>第 {id} 条记录已修改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="643"/>
        <source>Entry #{id} is now {status}.</source>
        <translation>第 {id} 条记录现为“{status}”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="653"/>
        <source>Withdraw entry #{id}</source>
        <translation>撤回第 {id} 条记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="654"/>
        <source>Why (it stays readable, marked withdrawn)</source>
        <translation>原因（记录仍可查看，标为已撤回）</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="666"/>
        <source>Entry #{id} withdrawn.</source>
        <translation>第 {id} 条记录已撤回。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="695"/>
        <source>Entry #{id}: the stored version was kept; your change was not saved.</source>
        <translation>第 {id} 条记录：保留了已保存的版本，您的修改未保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="709"/>
        <source>Write the text of the template first.</source>
        <translation>请先填写模板内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="711"/>
        <source>Save as template</source>
        <translation>存为模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="711"/>
        <source>Template name</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="716"/>
        <source>Template “{name}” saved.</source>
        <translation>模板“{name}”已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="726"/>
        <source>There are no templates yet.</source>
        <translation>还没有模板。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="728"/>
        <source>Delete a template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="728"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="734"/>
        <source>There is no template named “{name}”.</source>
        <translation>没有名为“{name}”的模板。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="737"/>
        <source>Template “{name}” deleted.</source>
        <translation>模板“{name}”已删除。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="764"/>
        <source>Filter “{name}” saved.</source>
        <translation>筛选“{name}”已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="799"/>
        <source>Save the shift&apos;s log as PDF</source>
        <translation>将本班日志存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="800"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="808"/>
        <source>Export the shift&apos;s log</source>
        <translation>导出本班日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="809"/>
        <location filename="../../app/ui/work_log/view.py" line="821"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="814"/>
        <source>Work log {day} {shift}</source>
        <translation>工作日志 {day} {shift}</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="820"/>
        <source>Export the search result</source>
        <translation>导出搜索结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/view.py" line="824"/>
        <source>Work log: search result</source>
        <translation>工作日志：搜索结果</translation>
    </message>
</context>
<context>
    <name>_Base</name>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="78"/>
        <source>Age</source>
        <translation>已过时长</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="78"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="78"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="79"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="79"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="79"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="80"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="80"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="80"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="81"/>
        <source>Written by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="81"/>
        <source>Acknowledged</source>
        <translation>接班确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="81"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="101"/>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="120"/>
        <source>Promise: {text}</source>
        <translation>承诺：{text}</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="122"/>
        <source>Closing remark: {text}</source>
        <translation>结案说明：{text}</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="124"/>
        <source>Withdrawn by {by} at {time}: {reason}</source>
        <translation>{by} 于 {time} 撤回：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/models.py" line="126"/>
        <source>Written by {by} at {time}, revision {n}</source>
        <translation>{by} 于 {time} 记录，第 {n} 版</translation>
    </message>
</context>
<context>
    <name>_Tab</name>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="67"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="68"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/setup_dialog.py" line="69"/>
        <source>Clear the form</source>
        <translation>清空表单</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../app/ui/actions.py" line="51"/>
        <source>Load the &amp;demo</source>
        <translation>加载演示(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="51"/>
        <source>Build the demo database with today&apos;s calls and open it</source>
        <translation>生成含今日来电的演示数据库并打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="52"/>
        <source>&amp;Add a feed…</source>
        <translation>添加数据源(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="52"/>
        <source>Import an ACD file as a feed source</source>
        <translation>将 ACD 文件导入为数据源</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="53"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="53"/>
        <source>Read the figures again</source>
        <translation>重新读取数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="54"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="54"/>
        <source>Export the table to CSV or Excel</source>
        <translation>将表格导出为 CSV 或 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="55"/>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="55"/>
        <source>Language and live-feed settings</source>
        <translation>语言与实时数据源设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="56"/>
        <source>Re&amp;minder times…</source>
        <translation>提醒时间(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="56"/>
        <source>When the console reminds of the agenda, the handover, the day&apos;s plan and summary (for the whole site)</source>
        <translation>控制台何时提醒议程、交接、当日计划与总结（整个站点）</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="57"/>
        <source>Show customer &amp;numbers in prints…</source>
        <translation>在打印中显示客户号码(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="57"/>
        <source>Prints and exports mask customer numbers; a supervisor&apos;s PIN shows them whole for 15 minutes</source>
        <translation>打印和导出会隐去客户号码；输入主管 PIN 后 15 分钟内完整显示</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="58"/>
        <source>Sign &amp;out and lock</source>
        <translation>退出登录并锁定(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="58"/>
        <source>Lock the desk now: the next person signs in with their PIN; what is typed stays</source>
        <translation>立即锁定席位：下一位用自己的 PIN 登录；已输入的内容保留</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="59"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="59"/>
        <source>Close the console</source>
        <translation>关闭控制台</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="60"/>
        <source>&amp;Service level</source>
        <translation>服务水平(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="60"/>
        <source>Half-hourly service level</source>
        <translation>半小时服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="61"/>
        <source>&amp;Now</source>
        <translation>现场实况(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="61"/>
        <source>The floor right now</source>
        <translation>现场此刻的情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="62"/>
        <source>S&amp;hift sheet</source>
        <translation>当班信息(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="62"/>
        <source>Who is on this shift, attendance, changes and notices</source>
        <translation>本班次人员、考勤、异动与通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="63"/>
        <source>Seat &amp;map</source>
        <translation>座位安排(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="63"/>
        <source>Who sits where on this shift, seats out of service, the layout</source>
        <translation>本班次谁坐在哪里、停用的座位、楼层布局</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="64"/>
        <source>Work &amp;log</source>
        <translation>工作日志(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="64"/>
        <source>What happened on the shift and what the next supervisor takes over</source>
        <translation>本班发生的事情，以及下一班主管要接手的事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="65"/>
        <source>&amp;Playbooks</source>
        <translation>应急预案(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="65"/>
        <source>Prepared responses to what goes wrong, run as checklists</source>
        <translation>事先准备好的应急处置，按清单逐步执行</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="66"/>
        <source>M&amp;eetings</source>
        <translation>班前班后会(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="66"/>
        <source>The pre-shift agenda and the post-shift meeting</source>
        <translation>班前会议程与班后会记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="67"/>
        <source>&amp;Handover</source>
        <translation>交接班(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="67"/>
        <source>The face-to-face handover, step by step, signed by both supervisors</source>
        <translation>面对面交接班：逐项核对，双方主管签字</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="68"/>
        <source>Handover &amp;quality</source>
        <translation>交接质量(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="68"/>
        <source>The last 30 days of shift changes: service level around each, signed on time, playbooks run</source>
        <translation>近 30 天的交接班：交接前后的服务水平、是否按时签字、启用的应急预案</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="69"/>
        <source>&amp;Wallboard</source>
        <translation>大屏(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="69"/>
        <source>Full-screen wallboard of the floor&apos;s figures</source>
        <translation>全屏显示现场指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="70"/>
        <source>Pre&amp;vious day</source>
        <translation>前一天(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="70"/>
        <source>Show the day before</source>
        <translation>显示前一天</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="71"/>
        <source>Ne&amp;xt day</source>
        <translation>后一天(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="71"/>
        <source>Show the day after</source>
        <translation>显示后一天</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="72"/>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="72"/>
        <source>Show today</source>
        <translation>显示今天</translation>
    </message>
</context>
<context>
    <name>agenda_print</name>
    <message>
        <location filename="../../app/printing/agenda.py" line="39"/>
        <source>Pre-shift meeting</source>
        <translation>班前会议程</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="40"/>
        <source>{shift} · {date} · meeting {start}–{end}</source>
        <translation>{shift} · {date} · 班前会 {start}–{end}</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="41"/>
        <source>Printed {time}</source>
        <translation>打印时间 {time}</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="42"/>
        <source>{shift} · {date} · meeting {start}–{end} · shift {shift_start}–{shift_end}</source>
        <translation>{shift} · {date} · 班前会 {start}–{end} · 班次 {shift_start}–{shift_end}</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="44"/>
        <source>Supervisor: {name}</source>
        <translation>值班主管：{name}</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="45"/>
        <source>Prepared by {by}, {time} (revision {revision})</source>
        <translation>由 {by} 准备，{time}（第 {revision} 版）</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="46"/>
        <source>Not prepared (automatic)</source>
        <translation>尚未准备（自动生成）</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="47"/>
        <source>{start}–{end}  {number}. {title} ({minutes} min)</source>
        <translation>{start}–{end}  {number}. {title}（{minutes} 分钟）</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="48"/>
        <source>Attendance</source>
        <translation>点名</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="49"/>
        <source>Notices to explain</source>
        <translation>业务通知讲解</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="50"/>
        <source>Follow-ups the floor must know</source>
        <translation>需现场知晓的跟进事项</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="51"/>
        <source>Lessons from the last shift</source>
        <translation>上一班的经验教训</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="52"/>
        <source>Warm-up</source>
        <translation>热身活动</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="53"/>
        <source>Closing</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="54"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="55"/>
        <source>{count} rostered, tick {box}</source>
        <translation>排班 {count} 人，到岗打勾 {box}</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="57"/>
        <source>No team</source>
        <translation>无班组</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="58"/>
        <source>leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="59"/>
        <source>absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="60"/>
        <source>late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="61"/>
        <source>present</source>
        <translation>到岗</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="62"/>
        <source>swapped</source>
        <translation>调班</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="63"/>
        <source>left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="64"/>
        <source>Where to find it: {where}</source>
        <translation>系统位置：{where}</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="65"/>
        <source>Say it in your own words.</source>
        <translation>用自己的话讲，不要照读。</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="67"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="68"/>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="69"/>
        <source>owner {owner}</source>
        <translation>负责人 {owner}</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="70"/>
        <source>due {time}</source>
        <translation>截止 {time}</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="71"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="72"/>
        <source>Below the {target} target in {shift}:</source>
        <translation>{shift} 低于目标 {target} 的时段：</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="73"/>
        <source>No half hour below target in the last shift.</source>
        <translation>上一班没有低于目标的半小时。</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="74"/>
        <source>Half hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="75"/>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="76"/>
        <source>SL</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="77"/>
        <source>Offered</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="78"/>
        <source>Aband.</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="79"/>
        <source>ASA s</source>
        <translation>应答秒</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="80"/>
        <source>No warm-up chosen.</source>
        <translation>未选择热身活动。</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="81"/>
        <source>Topic set yesterday: {topic}</source>
        <translation>昨天定下的话题：{topic}</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="82"/>
        <source>Topic: none was set yesterday; ask for a call that went well.</source>
        <translation>话题：昨天未定话题，请大家分享一通处理得好的电话。</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="84"/>
        <source>Questions, then to the seats.</source>
        <translation>答疑，随后回到座位。</translation>
    </message>
    <message>
        <location filename="../../app/printing/agenda.py" line="86"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="24"/>
        <source>service level below target</source>
        <translation>服务水平低于目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="25"/>
        <source>service level below target twice in a row</source>
        <translation>服务水平连续两个时段低于目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="26"/>
        <source>traffic far above last week</source>
        <translation>话务量远高于上周同期</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="27"/>
        <source>a caller waiting far too long</source>
        <translation>有来电等待过久</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="28"/>
        <source>agents present but not logged in</source>
        <translation>坐席已到岗但未登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="37"/>
        <source>{source} {interval}: service level {sl:.0f} % after {previous:.0f} %, target {target:.0f} % — below target twice in a row</source>
        <translation>{source} {interval}：服务水平 {sl:.0f} %（上一时段 {previous:.0f} %），目标 {target:.0f} % —— 连续两个时段低于目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="43"/>
        <source>{source} {interval}: service level {sl:.0f} %, target {target:.0f} %</source>
        <translation>{source} {interval}：服务水平 {sl:.0f} %，目标 {target:.0f} %</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="46"/>
        <source>{source} {interval}: {calls} calls, {last} in the same half hour last week</source>
        <translation>{source} {interval}：来电 {calls} 个，上周同一时段 {last} 个</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="49"/>
        <source>{source} {interval}: the oldest caller has waited {wait} s (limit {limit:.0f} s)</source>
        <translation>{source} {interval}：等待最久的来电已等 {wait} 秒（上限 {limit:.0f} 秒）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/alerts.py" line="53"/>
        <source>{source} {interval}: {present} agents present on the sheet, {logged} of them logged in to the ACD</source>
        <translation>{source} {interval}：信息表上到岗 {present} 人，其中 {logged} 人已登录 ACD</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/ui/errors.py" line="29"/>
        <source>{path}, line {line}: {reason}</source>
        <translation>{path}，第 {line} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="30"/>
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="32"/>
        <source>There is no feed source named {name}.</source>
        <translation>没有名为 {name} 的数据源。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="34"/>
        <source>There is no site named {name}.</source>
        <translation>没有名为 {name} 的站点。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="36"/>
        <source>That is not the PIN of {name}. Try again.</source>
        <translation>这不是 {name} 的 PIN 码，请重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="42"/>
        <source>Entry #{id} was changed by someone else since you opened it; nothing was saved. Open it again.</source>
        <translation>您打开第 {id} 条记录后，已有其他人修改过它；您的修改没有保存。请重新打开。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="45"/>
        <source>Seat {seats} was changed by another desk since you looked at the map; nothing was saved. Look at the map again.</source>
        <translation>您查看座位图后，座位 {seats} 已被另一席位修改；未保存任何内容。请重新查看座位图。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="56"/>
        <source>The run is closed already.</source>
        <translation>该处置已结束。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="57"/>
        <source>The playbook has no such step.</source>
        <translation>预案中没有这一步。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="58"/>
        <source>A skipped step needs a reason.</source>
        <translation>跳过步骤需要写明原因。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="59"/>
        <source>Write the note first.</source>
        <translation>请先填写备注。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="60"/>
        <source>Say how it ended: the outcome is needed to close the run.</source>
        <translation>请写明处置结果：结束处置需要填写结果。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="67"/>
        <source>That alert was dismissed meanwhile.</source>
        <translation>该预警已被忽略。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="68"/>
        <source>A run was started from that alert meanwhile; see Playbooks.</source>
        <translation>已有人根据该预警启动了处置，请看应急预案。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="70"/>
        <source>That alert no longer exists.</source>
        <translation>该预警已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="73"/>
        <source>Entry #{id} is withdrawn; it can no longer change.</source>
        <translation>第 {id} 条记录已撤回，不能再修改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="74"/>
        <source>Item #{id} is no longer open (done, cancelled or a note); there is nothing to take over.</source>
        <translation>第 {id} 项已不是未结事项（已完成、已取消或为纯记录），无需接收。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="76"/>
        <source>Entry #{id} was written in this shift; there is nothing to take over.</source>
        <translation>第 {id} 条记录是本班写的，无需接收。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="78"/>
        <source>Entry #{id} belongs to another site.</source>
        <translation>第 {id} 条记录属于其他场地。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="79"/>
        <source>There is no entry #{id} (any more).</source>
        <translation>第 {id} 条记录不存在。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="80"/>
        <source>This call has a callback follow-up already (entry #{id}).</source>
        <translation>这通电话已有回电跟进（第 {id} 条记录）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="82"/>
        <source>The site has no shift to write in: set up its shifts in Shifts and people first.</source>
        <translation>本场地没有可记录的班次：请先在“班次与人员”中设置班次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="91"/>
        <source>The database is full (no room left on its disk): nothing was saved. Free some space and save again; what you typed is kept.</source>
        <translation>数据库已满（所在磁盘没有空间）：未保存任何内容。请腾出空间后重新保存；您输入的内容仍保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="93"/>
        <source>The database is busy (another program holds it): nothing was saved. Save again in a moment; what you typed is kept.</source>
        <translation>数据库正忙（被其他程序占用）：未保存任何内容。请稍后重新保存；您输入的内容仍保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="95"/>
        <source>The database can only be read (its file or folder is read-only): nothing was saved; what you typed is kept.</source>
        <translation>数据库只能读取（文件或文件夹为只读）：未保存任何内容；您输入的内容仍保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="97"/>
        <source>The database cannot be reached: nothing was saved. The console reconnects by itself; save again then, what you typed is kept.</source>
        <translation>无法连接数据库：未保存任何内容。控制台会自动重新连接，连接后请重新保存；您输入的内容仍保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="107"/>
        <source>No one is signed in at this desk: nothing was saved. Sign in and save again; what you typed is kept.</source>
        <translation>此席位无人登录：未保存任何内容。请登录后再保存；您输入的内容已保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="111"/>
        <source>You are signed in as a viewer: a viewer reads only. Nothing was saved; a supervisor can do this.</source>
        <translation>您以查看者身份登录：查看者只能查看。未保存任何内容；此操作需由主管完成。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="114"/>
        <source>Only supervisors export: the files leave the console with customer data. Nothing was written.</source>
        <translation>只有主管可以导出：导出的文件带有客户数据离开控制台。未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="117"/>
        <source>A team leader cannot sign a handover: two supervisors sign it. Nothing was saved.</source>
        <translation>组长不能签署交接：交接由两位主管签署。未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="119"/>
        <source>A team leader writes work-log entries and attendance; this is for a supervisor. Nothing was saved.</source>
        <translation>组长可写工作日志和考勤；此操作需由主管完成。未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="123"/>
        <source>computer {host}, process {pid}, since {since}</source>
        <translation>计算机 {host}，进程 {pid}，自 {since} 起</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="125"/>
        <source>{path} is open in another console ({who}). One SQLite file serves one desk: close the other console, or share a PostgreSQL database between the desks (README, “Several desks”).</source>
        <translation>{path} 已在另一个控制台中打开（{who}）。一个 SQLite 文件只供一个席位使用：请关闭另一个控制台，或让各席位共用一个 PostgreSQL 数据库（见 README“多个席位”）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="133"/>
        <source>{setting}: {reason}</source>
        <translation>{setting}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="136"/>
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="142"/>
        <source>There is no such playbook (any more).</source>
        <translation>该预案不存在。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="143"/>
        <source>That playbook is retired; it cannot be started.</source>
        <translation>该预案已停用，不能启动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="145"/>
        <source>There is no playbook to export.</source>
        <translation>没有可导出的预案。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="147"/>
        <source>There is no such contact (any more).</source>
        <translation>该联系人不存在。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="148"/>
        <source>There is no such run (any more).</source>
        <translation>该处置记录不存在。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="149"/>
        <source>Say why the alert is dismissed.</source>
        <translation>请写明忽略该预警的原因。</translation>
    </message>
    <message>
        <location filename="../../app/ui/app.py" line="62"/>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>handover_printing</name>
    <message>
        <location filename="../../app/ui/handover/printing.py" line="24"/>
        <source>Handover report printed to {path} ({pages} pages).</source>
        <translation>交接报告已打印到 {path}（{pages} 页）。</translation>
    </message>
</context>
<context>
    <name>handover_report</name>
    <message>
        <location filename="../../app/printing/handover_report.py" line="39"/>
        <source>Shift handover report</source>
        <translation>交接班报告</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="40"/>
        <source>{outgoing} {date} → {incoming}</source>
        <translation>{outgoing} {date} → {incoming}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="41"/>
        <source>Printed {time}</source>
        <translation>打印于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="42"/>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="43"/>
        <source>Outgoing shift</source>
        <translation>交班班次</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="44"/>
        <source>Incoming shift</source>
        <translation>接班班次</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="45"/>
        <source>{shift} · {date} · {hours} · {supervisor}</source>
        <translation>{shift} · {date} · {hours} · {supervisor}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="46"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="47"/>
        <source>draft, not signed</source>
        <translation>草稿，未签字</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="48"/>
        <source>signed by the outgoing supervisor</source>
        <translation>交班主管已签字</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="49"/>
        <source>signed by both</source>
        <translation>双方已签字</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="50"/>
        <source>Figures as of</source>
        <translation>数据截至</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="51"/>
        <source>not set</source>
        <translation>未指定</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="52"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="53"/>
        <source>Warning: the stored snapshot no longer matches its checksum; it was changed after signing.</source>
        <translation>警告：保存的交接快照与校验值不符，签字后已被改动。</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="56"/>
        <source>1 Shift sheet</source>
        <translation>1 班次信息表</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="57"/>
        <source>2 Open items</source>
        <translation>2 未结事项</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="58"/>
        <source>3 Playbooks</source>
        <translation>3 应急预案</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="59"/>
        <source>4 Seats</source>
        <translation>4 座位</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="60"/>
        <source>5 Service level of the outgoing shift</source>
        <translation>5 交班班次的服务水平</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="61"/>
        <source>6 Long calls at the shift change</source>
        <translation>6 交接班时的长通话</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="62"/>
        <source>7 Face-to-face talk</source>
        <translation>7 当面沟通</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="63"/>
        <source>Signatures</source>
        <translation>签字</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="64"/>
        <source>Checked: {state}</source>
        <translation>核对：{state}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="65"/>
        <source>not checked</source>
        <translation>未核对</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="66"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="67"/>
        <source>nothing to go through</source>
        <translation>无需核对</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="68"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="69"/>
        <source>Scheduled</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="70"/>
        <source>Present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="71"/>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="72"/>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="73"/>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="74"/>
        <source>Swapped</source>
        <translation>换班</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="75"/>
        <source>Left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="76"/>
        <source>Not marked</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="77"/>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="78"/>
        <source>Not simply present ({shift})</source>
        <translation>非正常出勤（{shift}）</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="79"/>
        <source>late {minutes} min</source>
        <translation>迟到 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="80"/>
        <source>leave ({type})</source>
        <translation>请假（{type}）</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="81"/>
        <source>swapped with {name}</source>
        <translation>与 {name} 换班</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="82"/>
        <source>left early at {time}</source>
        <translation>{time} 早退</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="83"/>
        <source>absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="84"/>
        <source>not marked</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="85"/>
        <source>present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="86"/>
        <source>taken off the roster</source>
        <translation>已移出排班</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="87"/>
        <source>annual</source>
        <translation>年假</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="88"/>
        <source>sick</source>
        <translation>病假</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="89"/>
        <source>personal</source>
        <translation>事假</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="90"/>
        <source>compensatory</source>
        <translation>调休</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="91"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="92"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="93"/>
        <source>normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="94"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="95"/>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="96"/>
        <source>Personnel changes</source>
        <translation>人员异动</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="97"/>
        <source>Business notices in force</source>
        <translation>生效中的业务通知</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="98"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="99"/>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="100"/>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="101"/>
        <location filename="../../app/printing/handover_report.py" line="166"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="102"/>
        <source>Change</source>
        <translation>异动</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="103"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="104"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="105"/>
        <source>Where to find it</source>
        <translation>系统中的位置</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="106"/>
        <source>Incoming acknowledged</source>
        <translation>接班主管已确认</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="107"/>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="108"/>
        <source>version {version} · {priority}</source>
        <translation>第 {version} 版 · {priority}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="109"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="110"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="111"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="112"/>
        <source>Taken over</source>
        <translation>已接手</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="113"/>
        <source>Customer: {customer}</source>
        <translation>客户：{customer}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="114"/>
        <source>Promise: {promise}</source>
        <translation>承诺：{promise}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="115"/>
        <source>Written {time} by {author}</source>
        <translation>{author} 记于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="116"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="117"/>
        <source>{open} open, {overdue} overdue, {unacknowledged} not yet taken over</source>
        <translation>未结 {open} 项，逾期 {overdue} 项，尚未接手 {unacknowledged} 项</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="119"/>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="120"/>
        <source>Finished in the outgoing shift</source>
        <translation>交班班次内已结束</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="121"/>
        <source>Playbook</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="122"/>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="123"/>
        <source>Steps marked</source>
        <translation>已标记步骤</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="124"/>
        <source>Next step / outcome</source>
        <translation>下一步 / 结果</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="125"/>
        <source>{marked} of {steps}</source>
        <translation>{marked} / {steps}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="126"/>
        <source>step {step}: {text}</source>
        <translation>第 {step} 步：{text}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="127"/>
        <source>Incoming shift: {seated} of {expected} expected agents seated ({seats} seats).</source>
        <translation>接班班次：应到 {expected} 人中已安排座位 {seated} 人（共 {seats} 个座位）。</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="129"/>
        <source>Not seated yet: {names}</source>
        <translation>尚未安排座位：{names}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="130"/>
        <source>Seats out of service</source>
        <translation>停用座位</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="131"/>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="132"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="133"/>
        <source>Since</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="134"/>
        <source>Expected back</source>
        <translation>预计恢复</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="135"/>
        <source>Source {source} · service level definition &apos;{definition}&apos; · threshold {threshold} s · target {target} %</source>
        <translation>数据源 {source} · 服务水平口径“{definition}” · 阈值 {threshold} 秒 · 目标 {target}%</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="138"/>
        <source>Shift total: {sl} of {offered} calls offered</source>
        <translation>全班次：{sl}，呼入 {offered} 通</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="139"/>
        <source>answered within T / offered</source>
        <translation>T 秒内接听 / 呼入量</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="140"/>
        <source>answered within T / answered</source>
        <translation>T 秒内接听 / 接听量</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="141"/>
        <source>answered within T / (offered − short abandons)</source>
        <translation>T 秒内接听 / (呼入量 − 短时放弃)</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="143"/>
        <source>(answered within T + short abandons) / offered</source>
        <translation>(T 秒内接听 + 短时放弃) / 呼入量</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="145"/>
        <source>Vendor rule: {rule}</source>
        <translation>厂商口径：{rule}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="146"/>
        <source>No feed source of the site covers this shift.</source>
        <translation>本站点没有覆盖该班次的话务数据源。</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="147"/>
        <source>Interval</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="148"/>
        <source>Offered</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="149"/>
        <source>Answered</source>
        <translation>接通</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="150"/>
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="151"/>
        <source>SL %</source>
        <translation>服务水平 %</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="152"/>
        <source>ASA s</source>
        <translation>平均应答 秒</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="153"/>
        <source>Service level (target marked |)</source>
        <translation>服务水平（| 为目标）</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="154"/>
        <source>Worst half hours below target</source>
        <translation>低于目标的最差半小时</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="155"/>
        <source>{interval}: {sl} ({offered} offered)</source>
        <translation>{interval}：{sl}（呼入 {offered} 通）</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="156"/>
        <source>no work-log entry in this half hour</source>
        <translation>该半小时无工作日志记录</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="157"/>
        <source>(running)</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="158"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="159"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="160"/>
        <source>Answered at</source>
        <translation>接通时间</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="161"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="162"/>
        <source>Shift ends</source>
        <translation>班次结束</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="163"/>
        <source>Talk held face to face: {answer}</source>
        <translation>已当面沟通：{answer}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="164"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="165"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="167"/>
        <source>Outgoing supervisor</source>
        <translation>交班主管</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="168"/>
        <source>Incoming supervisor</source>
        <translation>接班主管</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="169"/>
        <source>{name}, signed {time}</source>
        <translation>{name}，签字于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="170"/>
        <source>not signed</source>
        <translation>未签字</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="171"/>
        <source>Outgoing seal (SHA-256): {checksum}</source>
        <translation>交班签字封印（SHA-256）：{checksum}</translation>
    </message>
    <message>
        <location filename="../../app/printing/handover_report.py" line="172"/>
        <source>Incoming seal (SHA-256): {checksum}</source>
        <translation>接班签字封印（SHA-256）：{checksum}</translation>
    </message>
</context>
<context>
    <name>meetings</name>
    <message>
        <location filename="../../app/ui/meetings/words.py" line="25"/>
        <source>greeting tuning</source>
        <translation>问候语调音</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/words.py" line="26"/>
        <source>experience sharing</source>
        <translation>经验分享</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/words.py" line="27"/>
        <source>confidence gesture</source>
        <translation>自信手势</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/words.py" line="28"/>
        <source>the center&apos;s own</source>
        <translation>本中心自创</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/words.py" line="38"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/words.py" line="77"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings/words.py" line="78"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
</context>
<context>
    <name>meetings_printing</name>
    <message>
        <location filename="../../app/ui/meetings/printing.py" line="23"/>
        <source>Agenda printed to {path} ({pages} pages).</source>
        <translation>议程已打印到 {path}（共 {pages} 页）。</translation>
    </message>
</context>
<context>
    <name>playbook_card</name>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="39"/>
        <source>Emergency playbook</source>
        <translation>交接班应急预案</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="40"/>
        <source>Playbook {key} · version {version}</source>
        <translation>预案 {key} · 第 {version} 版</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="41"/>
        <source>Printed {time}</source>
        <translation>打印于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="42"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="43"/>
        <source>INFO</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="44"/>
        <source>WARNING</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="45"/>
        <source>CRITICAL</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="46"/>
        <source>version {version}, {date}</source>
        <translation>第 {version} 版，{date}</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="47"/>
        <source>Roles</source>
        <translation>涉及角色</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="48"/>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="49"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="50"/>
        <source>Situation</source>
        <translation>适用情形</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="51"/>
        <source>How to recognise it</source>
        <translation>如何识别</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="52"/>
        <source>Steps</source>
        <translation>处置步骤</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="53"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="54"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="55"/>
        <source>What to do</source>
        <translation>做什么</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="56"/>
        <source>Who</source>
        <translation>由谁做</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="57"/>
        <source>Min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="58"/>
        <source>If this fails</source>
        <translation>不奏效时</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="59"/>
        <source>{arrow} step {step}</source>
        <translation>{arrow} 步骤 {step}</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="60"/>
        <source>{role}: {name} {phone}</source>
        <translation>{role}：{name} {phone}</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="61"/>
        <source>Expected time for every step: {minutes} min.</source>
        <translation>全部步骤预计用时：{minutes} 分钟。</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="62"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="63"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="64"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="65"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="66"/>
        <source>On duty</source>
        <translation>值班时间</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="67"/>
        <source>When to call</source>
        <translation>何时联系</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="68"/>
        <source>always</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="69"/>
        <source>from {time}</source>
        <translation>{time} 起</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="70"/>
        <source>until {time}</source>
        <translation>至 {time}</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="71"/>
        <source>No contacts yet: add them in the playbooks&apos; contact list.</source>
        <translation>尚无联系人：请在预案联系人中添加。</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="72"/>
        <source>Names in the steps: on duty at {time}, when the card was printed; at another hour call the one on duty in this list.</source>
        <translation>步骤中的姓名为打印时（{time}）的值班人员；其他时段请按本表联系当时值班的人。</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="75"/>
        <source>supervisor</source>
        <translation>值班主管</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="76"/>
        <source>team leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="77"/>
        <source>agents</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="78"/>
        <source>IT duty</source>
        <translation>IT值班</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="79"/>
        <source>telephony vendor</source>
        <translation>话务系统供应商</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="80"/>
        <source>facilities</source>
        <translation>行政/物业</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="81"/>
        <source>duty manager</source>
        <translation>值班经理</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="82"/>
        <source>WFM</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../app/printing/playbook_card.py" line="83"/>
        <source>QA</source>
        <translation>质检</translation>
    </message>
</context>
<context>
    <name>playbook_words</name>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="20"/>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="21"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="22"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="29"/>
        <source>supervisor</source>
        <translation>值班主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="30"/>
        <source>team leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="31"/>
        <source>agents</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="32"/>
        <source>IT duty</source>
        <translation>IT值班</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="33"/>
        <source>telephony vendor</source>
        <translation>话务系统供应商</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="34"/>
        <source>facilities</source>
        <translation>行政/物业</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="35"/>
        <source>duty manager</source>
        <translation>值班经理</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="36"/>
        <source>WFM</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="37"/>
        <source>QA</source>
        <translation>质检</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="72"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="90"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="91"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="92"/>
        <source>did not work</source>
        <translation>未奏效</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="98"/>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="99"/>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="106"/>
        <source>Key</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="107"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="108"/>
        <source>Situation</source>
        <translation>适用情形</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="109"/>
        <source>How to recognise it</source>
        <translation>如何识别</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="110"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="111"/>
        <source>Roles</source>
        <translation>涉及角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="112"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="113"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="114"/>
        <source>What to do</source>
        <translation>做什么</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="115"/>
        <source>Who</source>
        <translation>由谁做</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="116"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="117"/>
        <source>If this fails, go to step</source>
        <translation>不奏效时转到步骤</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="118"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="119"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="133"/>
        <source>Step {step}: &apos;if this fails&apos; names the step itself.</source>
        <translation>步骤 {step}：“不奏效时”不能转到本步骤自己。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="135"/>
        <source>Step {step}: &apos;if this fails&apos; names step {goto}, there are {count} steps.</source>
        <translation>步骤 {step}：“不奏效时”转到步骤 {goto}，但一共只有 {count} 个步骤。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="139"/>
        <source>Step {step}: the minutes must be a whole number from 0 to 480.</source>
        <translation>步骤 {step}：分钟数须为 0 到 480 的整数。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="142"/>
        <source>Step {step}: say what to do.</source>
        <translation>步骤 {step}：请写明要做什么。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="144"/>
        <source>Step {step}: say who does it.</source>
        <translation>步骤 {step}：请写明由谁做。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="145"/>
        <source>Step {step}: {field}: {code}</source>
        <translation>步骤 {step}：{field}：{code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="148"/>
        <source>{field} is needed.</source>
        <translation>请填写{field}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="149"/>
        <source>The key may hold lower-case letters, digits, &apos;-&apos; and &apos;_&apos; only (at most 80), e.g. acd-login-failure.</source>
        <translation>标识只能包含小写字母、数字、“-”和“_”（最多 80 个），例如 acd-login-failure。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="152"/>
        <source>A playbook needs at least one step.</source>
        <translation>预案至少需要一个步骤。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="153"/>
        <source>The language must be zh_CN or en.</source>
        <translation>语言须为 zh_CN 或 en。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/words.py" line="155"/>
        <source>{field}: {code}</source>
        <translation>{field}：{code}</translation>
    </message>
</context>
<context>
    <name>print</name>
    <message>
        <location filename="../../app/printing/document.py" line="91"/>
        <source>Page {page} / {pages}</source>
        <translation>第 {page} / {pages} 页</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="35"/>
        <source>Current-shift info sheet</source>
        <translation>当班班次信息通知表</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="36"/>
        <source>Roster</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="37"/>
        <source>Counts</source>
        <translation>人数统计</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="38"/>
        <source>Personnel changes</source>
        <translation>人员异动</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="39"/>
        <source>Business notices in force</source>
        <translation>生效中的业务通知</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="40"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="41"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="42"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="43"/>
        <source>Supervisor on duty</source>
        <translation>值班主管</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="44"/>
        <source>Shift status</source>
        <translation>班次状态</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="45"/>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="46"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="47"/>
        <source>handed over</source>
        <translation>已交接</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="48"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="49"/>
        <source>All teams</source>
        <translation>全部班组</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="39"/>
        <source>Seat chart</source>
        <translation>现场坐席安排表</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="40"/>
        <source>{total} seats: {taken} taken · {free} free · {out} out of service</source>
        <translation>共 {total} 个座位：已占用 {taken} · 空闲 {free} · 停用 {out}</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="41"/>
        <source>conflicts: {count}</source>
        <translation>冲突：{count}</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="42"/>
        <source>No floor layout: there is no seat to show.</source>
        <translation>没有楼层布局：无座位可显示。</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="43"/>
        <source>Agent → seat</source>
        <translation>坐席 → 座位</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="44"/>
        <source>Agent → seat (continued)</source>
        <translation>坐席 → 座位（续）</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="45"/>
        <source>{count} agents, sorted by name</source>
        <translation>共 {count} 人，按姓名拼音排序</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="46"/>
        <source>No agent on this shift.</source>
        <translation>本班次没有坐席人员。</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="47"/>
        <source>not seated</source>
        <translation>未安排座位</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="49"/>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="50"/>
        <source>out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="51"/>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="52"/>
        <location filename="../../app/printing/shift_sheet.py" line="50"/>
        <source>No team</source>
        <translation>无班组</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="54"/>
        <source>quiet</source>
        <translation>静音区</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="55"/>
        <source>kept apart</source>
        <translation>隔离区</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="51"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="52"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="53"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="54"/>
        <source>until withdrawn</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="55"/>
        <source>Emp. no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="56"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="57"/>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="58"/>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="59"/>
        <source>Scheduled</source>
        <comment>roster column: the agent&apos;s hours</comment>
        <translation>班次时间</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="60"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="61"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="62"/>
        <source>Activities</source>
        <translation>活动安排</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="63"/>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="64"/>
        <source>Late (min)</source>
        <translation>迟到（分钟）</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="65"/>
        <source>Leave type</source>
        <translation>假别</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="66"/>
        <source>Swapped with</source>
        <translation>换班对象</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="67"/>
        <source>Left at</source>
        <translation>离岗时间</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="68"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="69"/>
        <source>ACD check</source>
        <translation>ACD 核对</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="70"/>
        <source>Marked by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="71"/>
        <source>Marked at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="72"/>
        <source>Change</source>
        <translation>异动类型</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="73"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="74"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="75"/>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="76"/>
        <source>Recorded at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="77"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="78"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="79"/>
        <source>In force from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="80"/>
        <source>In force to</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="81"/>
        <source>Explain at the meeting</source>
        <translation>班前会讲解</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="82"/>
        <source>Where to find it</source>
        <translation>系统中的位置</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="83"/>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="84"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="85"/>
        <source>Scheduled</source>
        <comment>count of agents rostered</comment>
        <translation>排班人数</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="86"/>
        <source>Present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="87"/>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="88"/>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="89"/>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="90"/>
        <source>Swapped</source>
        <translation>换班</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="91"/>
        <source>Left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="92"/>
        <source>Not marked</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="93"/>
        <source>Expected</source>
        <translation>预计到岗</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="94"/>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="95"/>
        <source>not marked</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="96"/>
        <source>present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="97"/>
        <source>late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="48"/>
        <location filename="../../app/printing/shift_sheet.py" line="98"/>
        <source>absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="99"/>
        <source>on leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="100"/>
        <source>swapped</source>
        <translation>换班</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="101"/>
        <source>left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="102"/>
        <source>annual leave</source>
        <translation>年假</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="103"/>
        <source>sick leave</source>
        <translation>病假</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="104"/>
        <source>personal leave</source>
        <translation>事假</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="105"/>
        <source>time off in lieu</source>
        <translation>调休</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="106"/>
        <source>other leave</source>
        <translation>其他假</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="107"/>
        <source>shift swap</source>
        <translation>换班</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="108"/>
        <source>early leave</source>
        <translation>早退</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="109"/>
        <source>sickness</source>
        <translation>病假</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="110"/>
        <source>new hire</source>
        <translation>新员工</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="111"/>
        <source>transfer</source>
        <translation>调岗</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="112"/>
        <location filename="../../app/printing/shift_sheet.py" line="123"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="113"/>
        <source>not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="114"/>
        <source>logged in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="115"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="116"/>
        <source>normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="117"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="118"/>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="119"/>
        <source>break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="120"/>
        <source>lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="53"/>
        <location filename="../../app/printing/shift_sheet.py" line="121"/>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="122"/>
        <source>meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="124"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="125"/>
        <source>with {name}</source>
        <translation>与 {name}</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="126"/>
        <source>left at {time}</source>
        <translation>{time} 离岗</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="127"/>
        <source>Logged in to the ACD but not rostered: {logins}</source>
        <translation>已登录 ACD 但未排班：{logins}</translation>
    </message>
    <message>
        <location filename="../../app/printing/shift_sheet.py" line="128"/>
        <source>No ACD agent feed: the cross-check did not run.</source>
        <translation>没有 ACD 坐席数据，未进行核对。</translation>
    </message>
    <message>
        <location filename="../../app/printing/seat_chart.py" line="56"/>
        <location filename="../../app/printing/shift_sheet.py" line="129"/>
        <source>Printed {time}</source>
        <translation>打印时间 {time}</translation>
    </message>
</context>
<context>
    <name>privacy</name>
    <message>
        <location filename="../../app/ui/privacy.py" line="55"/>
        <source>Show customer numbers in prints</source>
        <translation>在打印中显示客户号码</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy.py" line="56"/>
        <source>Prints and exports show customer numbers and ids by their last four characters. A supervisor&apos;s PIN shows them whole for 15 minutes.</source>
        <translation>打印和导出中的客户号码和编号只显示最后四位。输入主管 PIN 后，15 分钟内完整显示。</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy.py" line="63"/>
        <source>Only a supervisor may show customer numbers.</source>
        <translation>只有主管可以显示客户号码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy.py" line="67"/>
        <source>Customer numbers print whole until {time} ({name}).</source>
        <translation>在 {time} 之前打印时完整显示客户号码（{name}）。</translation>
    </message>
</context>
<context>
    <name>reminders</name>
    <message>
        <location filename="../../app/ui/reminders.py" line="41"/>
        <source>The pre-shift agenda of {shift} (starts {time}) is not prepared yet.</source>
        <translation>{shift}（{time} 开始）的班前会议程尚未准备。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders.py" line="45"/>
        <source>The handover to {shift} at {time} ({day}) is not signed by both supervisors yet.</source>
        <translation>{day} {time} 交给{shift}的交接尚未由双方主管签字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders.py" line="49"/>
        <source>{time}: time for the day&apos;s plan.</source>
        <translation>{time}：该做今日计划了。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders.py" line="52"/>
        <source>{time}: time for the day&apos;s summary.</source>
        <translation>{time}：该做今日总结了。</translation>
    </message>
</context>
<context>
    <name>run_log</name>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="40"/>
        <source>Playbook &quot;{title}&quot; (version {version}) started by {by} at {time}.</source>
        <translation>{by} 于 {time} 启动应急预案“{title}”（第 {version} 版）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="41"/>
        <source>Suggested by the rule {rule} on {source}, interval {interval} ({level}).</source>
        <translation>由规则 {rule} 建议：数据源 {source}，时段 {interval}（{level}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="42"/>
        <source>{done} of {total} steps done, {skipped} skipped, {failed} did not work; {minutes} min so far.</source>
        <translation>共 {total} 步，已完成 {done} 步，跳过 {skipped} 步，{failed} 步未奏效；已用时 {minutes} 分钟。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="44"/>
        <source>{time} step {step} done by {by}: {text}</source>
        <translation>{time} 第 {step} 步由 {by} 完成：{text}</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="45"/>
        <source>{time} step {step} did not work ({by}): {text}</source>
        <translation>{time} 第 {step} 步未奏效（{by}）：{text}</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="46"/>
        <source>{time} step {step} skipped by {by}: {text} (reason: {reason})</source>
        <translation>{time} 第 {step} 步被 {by} 跳过：{text}（原因：{reason}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="47"/>
        <source>{time} note by {by} on step {step}: {note}</source>
        <translation>{time} {by} 在第 {step} 步备注：{note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="48"/>
        <source>Steps left open: {steps}.</source>
        <translation>尚未处理的步骤：{steps}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="49"/>
        <source>Closed by {by} at {time}: {outcome}</source>
        <translation>{by} 于 {time} 结束处置：{outcome}</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="50"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../app/ui/playbook/view.py" line="51"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
</context>
<context>
    <name>seat_map</name>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="24"/>
        <source>Add a floor first.</source>
        <translation>请先添加楼层。</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="26"/>
        <location filename="../../app/ui/seat_map/map_files.py" line="40"/>
        <source>Import a layout</source>
        <translation>导入布局</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="27"/>
        <source>Layouts (*.csv *.xlsx);;All files (*)</source>
        <translation>布局文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="32"/>
        <source>Layout imported: {added} seats added, {updated} updated, {zones} zones created, {problems} rows rejected.</source>
        <translation>布局已导入：新增座位 {added} 个，更新 {updated} 个，新建区域 {zones} 个，拒绝 {problems} 行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="41"/>
        <source>{n} rows of {path} were not imported.</source>
        <translation>{path} 中有 {n} 行未导入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="44"/>
        <source>line {line}: {reason} — {row}</source>
        <translation>第 {line} 行：{reason} — {row}</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="58"/>
        <source>Export the layout</source>
        <translation>导出布局</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="66"/>
        <source>Layout exported to {path}.</source>
        <translation>布局已导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="77"/>
        <source>Print the seat chart to PDF</source>
        <translation>将座位表打印为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="84"/>
        <source>Seat chart printed to {path} ({pages} pages).</source>
        <translation>座位表已打印到 {path}（{pages} 页）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="95"/>
        <source>Export the list agent → seat</source>
        <translation>导出“坐席 → 座位”名单</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="100"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="101"/>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="102"/>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="103"/>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="104"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="105"/>
        <source>not seated</source>
        <translation>未安排座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="106"/>
        <source>no team</source>
        <translation>无班组</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="107"/>
        <source>Seats</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="114"/>
        <source>List exported to {path}.</source>
        <translation>名单已导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="163"/>
        <source>Out of service…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="166"/>
        <source>Back in service</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/map_files.py" line="170"/>
        <source>Free this seat</source>
        <translation>空出此座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="12"/>
        <source>normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="13"/>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="14"/>
        <source>quiet</source>
        <translation>静音区</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="15"/>
        <source>kept apart</source>
        <translation>隔离区</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="23"/>
        <source>Seat {seats} has two agents: {agents}</source>
        <translation>座位 {seats} 安排了两人：{agents}</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="24"/>
        <source>{agents} is on two seats: {seats}</source>
        <translation>{agents} 占用了两个座位：{seats}</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="25"/>
        <source>{agents} is marked absent but seated at {seats}</source>
        <translation>{agents} 登记为缺勤，但仍安排在 {seats}</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="26"/>
        <source>Seat {seats} is out of service but used by {agents}</source>
        <translation>座位 {seats} 已停用，但 {agents} 仍在使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="27"/>
        <source>Seat {seats} is in a kept-apart zone, used by {agents}</source>
        <translation>座位 {seats} 位于隔离区，由 {agents} 使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="34"/>
        <source>{name}: no free seat left</source>
        <translation>{name}：没有空余座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="35"/>
        <source>{name}: a trainee, and the training zone is full</source>
        <translation>{name}：新员工，培训区已满</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="36"/>
        <source>{name}: fixed seat {seat} was taken, seated elsewhere</source>
        <translation>{name}：固定座位 {seat} 已被占用，已安排到其他座位</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="37"/>
        <source>{name}: fixed seat {seat} cannot be used</source>
        <translation>{name}：固定座位 {seat} 无法使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="44"/>
        <source>no seat code</source>
        <translation>缺少座位号</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="45"/>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="46"/>
        <source>seat code used twice</source>
        <translation>座位号重复</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="47"/>
        <source>not a zone kind (normal, training, quiet, kept_apart)</source>
        <translation>区域类型无法识别（normal、training、quiet、kept_apart）</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/words.py" line="50"/>
        <source>{reason}: {detail}</source>
        <translation>{reason}：{detail}</translation>
    </message>
    <message>
        <location filename="../../app/ui/seat_map/conflict_dialog.py" line="98"/>
        <source>Seat {seats}: the stored version was kept; your change was not saved.</source>
        <translation>座位 {seats}：已保留已保存的版本；您的修改未保存。</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../app/ui/settings.py" line="35"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="36"/>
        <source>Minutes without new data before a live feed is stale</source>
        <translation>实时数据源无新数据多少分钟后视为停滞</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="37"/>
        <source>Seconds between two polls of a live feed</source>
        <translation>实时数据源两次读取之间的秒数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="38"/>
        <source>Default service-level target (%)</source>
        <translation>默认服务水平目标（%）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="39"/>
        <source>Minutes without use before the desk locks</source>
        <translation>席位无操作多少分钟后锁定</translation>
    </message>
</context>
<context>
    <name>sheet</name>
    <message>
        <location filename="../../app/ui/shift_sheet/printing.py" line="28"/>
        <source>Sheet printed to {path} ({pages} pages).</source>
        <translation>信息表已打印到 {path}（{pages} 页）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/printing.py" line="60"/>
        <source>Sheet exported to {path}.</source>
        <translation>信息表已导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="14"/>
        <source>not marked</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="15"/>
        <source>present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="16"/>
        <source>late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="17"/>
        <source>absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="18"/>
        <source>on leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="19"/>
        <source>swapped</source>
        <translation>换班</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="20"/>
        <source>left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="26"/>
        <source>annual leave</source>
        <translation>年假</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="27"/>
        <source>sick leave</source>
        <translation>病假</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="28"/>
        <source>personal leave</source>
        <translation>事假</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="29"/>
        <source>time off in lieu</source>
        <translation>调休</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="30"/>
        <source>other leave</source>
        <translation>其他假</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="36"/>
        <source>shift swap</source>
        <translation>换班</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="37"/>
        <source>early leave</source>
        <translation>早退</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="38"/>
        <source>sickness</source>
        <translation>病假</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="39"/>
        <source>new hire, first day</source>
        <translation>新员工首日上岗</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="40"/>
        <source>transfer</source>
        <translation>调岗</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="41"/>
        <source>other change</source>
        <translation>其他异动</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="47"/>
        <source>marked present, not logged in to the ACD</source>
        <translation>登记为出勤，但未登录 ACD</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="48"/>
        <source>logged in to the ACD, marked absent</source>
        <translation>已登录 ACD，但登记为缺勤</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="55"/>
        <source>not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="56"/>
        <source>logged in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="62"/>
        <source>break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="63"/>
        <source>lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="64"/>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="65"/>
        <source>meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="66"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="72"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="73"/>
        <source>normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="74"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="75"/>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="81"/>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="82"/>
        <source>team leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="83"/>
        <source>viewer</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="90"/>
        <source>no agent id</source>
        <translation>缺少工号</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="91"/>
        <source>not a date</source>
        <translation>日期无法识别</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="92"/>
        <source>not a time</source>
        <translation>时间无法识别</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="93"/>
        <source>neither a shift name nor start and end</source>
        <translation>既无班次名称也无上下班时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="94"/>
        <source>activity not understood</source>
        <translation>活动安排无法识别</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="95"/>
        <source>unknown agent</source>
        <translation>未知坐席</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="96"/>
        <source>agent no longer active</source>
        <translation>坐席已离职</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="97"/>
        <source>no such shift</source>
        <translation>没有这个班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="98"/>
        <source>no shift starts near that time</source>
        <translation>没有在该时间附近开始的班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="99"/>
        <source>overlaps another row of the agent</source>
        <translation>与该坐席的另一行时间重叠</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="100"/>
        <source>activity outside the shift</source>
        <translation>活动不在班次时间内</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="101"/>
        <source>activities overlap</source>
        <translation>活动时间重叠</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="102"/>
        <source>same row twice</source>
        <translation>重复的行</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="103"/>
        <source>no employee number</source>
        <translation>缺少工号</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="104"/>
        <source>no name</source>
        <translation>缺少姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="105"/>
        <source>employee number used twice</source>
        <translation>工号重复</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="106"/>
        <source>active must be yes or no</source>
        <translation>在职一栏应为“是”或“否”</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="112"/>
        <source>{reason}: {detail}</source>
        <translation>{reason}：{detail}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="120"/>
        <source>late {minutes} min</source>
        <translation>迟到 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="122"/>
        <source>on leave ({type})</source>
        <translation>请假（{type}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="124"/>
        <source>swapped with {name}</source>
        <translation>与 {name} 换班</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_sheet/words.py" line="126"/>
        <source>left early at {time}</source>
        <translation>{time} 早退</translation>
    </message>
</context>
<context>
    <name>sign_in</name>
    <message>
        <location filename="../../app/ui/sign_in.py" line="36"/>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="37"/>
        <source>team leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="38"/>
        <source>viewer</source>
        <translation>查看者</translation>
    </message>
</context>
<context>
    <name>work_log</name>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="16"/>
        <source>business notice</source>
        <translation>业务通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="17"/>
        <source>staffing arrangement</source>
        <translation>人员安排</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="18"/>
        <source>work item</source>
        <translation>工作事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="19"/>
        <source>customer follow-up</source>
        <translation>客户跟进</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="20"/>
        <source>incident</source>
        <translation>突发事件</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="21"/>
        <source>system problem</source>
        <translation>系统问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="22"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="28"/>
        <source>note</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="29"/>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="30"/>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="31"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="32"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="38"/>
        <source>written</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="39"/>
        <source>edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="40"/>
        <source>status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="41"/>
        <source>withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="42"/>
        <source>owner changed at the handover</source>
        <translation>交接时更换负责人</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="48"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="49"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="50"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="51"/>
        <source>Time of the event</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="52"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="53"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="54"/>
        <source>Closing remark</source>
        <translation>结案说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="55"/>
        <source>Customer number</source>
        <translation>客户号码</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="56"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="57"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="58"/>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="59"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="60"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="61"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="62"/>
        <source>Written by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="63"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="71"/>
        <source>{field} is needed.</source>
        <translation>请填写“{field}”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="72"/>
        <source>A customer follow-up is always tracked: give it a status.</source>
        <translation>客户跟进必须有状态。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="73"/>
        <source>A customer follow-up names the customer: give the customer number or name.</source>
        <translation>客户跟进须注明客户：请填写客户号码或姓名。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="74"/>
        <source>Done and cancelled need a closing remark: say what was done or why it was dropped.</source>
        <translation>完成或取消需要结案说明：写明做了什么或为什么取消。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="76"/>
        <source>{field}: {code}</source>
        <translation>{field}：{code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="106"/>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="108"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/words.py" line="109"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
</context>
<context>
    <name>work_log_print</name>
    <message>
        <location filename="../../app/printing/work_log.py" line="41"/>
        <source>On-site work log</source>
        <translation>现场工作日志</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="42"/>
        <source>Work log</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="43"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="44"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="45"/>
        <source>Hours</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="46"/>
        <source>Supervisor on duty</source>
        <translation>值班主管</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="47"/>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="48"/>
        <source>not set</source>
        <translation>未指定</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="49"/>
        <source>{shift} · {date} · {hours} · {supervisor}</source>
        <translation>{shift} · {date} · {hours} · 值班主管 {supervisor}</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="50"/>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="51"/>
        <source>Printed {time}</source>
        <translation>打印于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="52"/>
        <source>Carried from earlier shifts ({count})</source>
        <translation>前几班遗留事项（{count}）</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="53"/>
        <source>Written in this shift ({count})</source>
        <translation>本班记录（{count}）</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="54"/>
        <source>Open items of earlier shifts stay here until done or cancelled; the incoming supervisor ticks each one taken over.</source>
        <translation>前几班未完成的事项会一直列在这里，直到完成或取消；接班主管逐条确认接手后打勾。</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="57"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="58"/>
        <source>Open items</source>
        <translation>未完成事项</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="59"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="60"/>
        <source>Not acknowledged</source>
        <translation>未确认接手</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="61"/>
        <source>Due within this shift</source>
        <translation>本班内到期</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="62"/>
        <source>{overdue} overdue   {soon} due within this shift   {box} to tick when taken over</source>
        <translation>{overdue} 已逾期   {soon} 本班内到期   {box} 接手后打勾</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="64"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="65"/>
        <source>due this shift</source>
        <translation>本班到期</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="66"/>
        <source>{days} d {hours} h</source>
        <translation>{days}天{hours}小时</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="67"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours}小时{minutes}分</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="68"/>
        <source>{minutes} min</source>
        <translation>{minutes}分钟</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="69"/>
        <source>Age</source>
        <translation>已持续</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="70"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="71"/>
        <source>Taken over</source>
        <translation>接手确认</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="72"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="73"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="74"/>
        <source>Category / priority</source>
        <translation>类别 / 优先级</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="76"/>
        <source>Event time</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="77"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="78"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="79"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="80"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="81"/>
        <location filename="../../app/printing/work_log.py" line="118"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="82"/>
        <source>Customer ref.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="83"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="84"/>
        <location filename="../../app/printing/work_log.py" line="113"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="85"/>
        <location filename="../../app/printing/work_log.py" line="114"/>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="86"/>
        <location filename="../../app/printing/work_log.py" line="115"/>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="87"/>
        <location filename="../../app/printing/work_log.py" line="116"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="88"/>
        <location filename="../../app/printing/work_log.py" line="117"/>
        <source>Closing remark</source>
        <translation>结案说明</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="89"/>
        <source>Author</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="90"/>
        <source>Written at</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="91"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="92"/>
        <source>Acknowledged by</source>
        <translation>确认接手</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="93"/>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="94"/>
        <source>business notice</source>
        <translation>业务通知</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="95"/>
        <source>staffing</source>
        <translation>人员安排</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="96"/>
        <source>work item</source>
        <translation>工作事项</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="97"/>
        <source>customer follow-up</source>
        <translation>客户跟进</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="98"/>
        <source>incident</source>
        <translation>突发事件</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="99"/>
        <source>system problem</source>
        <translation>系统问题</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="100"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="101"/>
        <source>open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="102"/>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="103"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="104"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="105"/>
        <source>note</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="106"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="107"/>
        <source>normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="108"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="109"/>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="110"/>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="111"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="112"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="119"/>
        <source>Written {time} by {author}</source>
        <translation>{time} 由 {author} 记录</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="120"/>
        <source>revision {revision}</source>
        <translation>第 {revision} 版</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="121"/>
        <source>withdrawn: {reason} ({by}, {time})</source>
        <translation>已撤回：{reason}（{by}，{time}）</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="122"/>
        <source>{by}, {time}</source>
        <translation>{by}，{time}</translation>
    </message>
    <message>
        <location filename="../../app/printing/work_log.py" line="123"/>
        <source>owner: {owner}</source>
        <translation>负责人：{owner}</translation>
    </message>
</context>
<context>
    <name>work_log_printing</name>
    <message>
        <location filename="../../app/ui/work_log/printing.py" line="42"/>
        <source>Work log printed to {path} ({pages} pages).</source>
        <translation>工作日志已打印到 {path}（{pages} 页）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/work_log/printing.py" line="93"/>
        <source>Work log exported to {path} ({count} entries).</source>
        <translation>工作日志已导出到 {path}（{count} 条）。</translation>
    </message>
</context>
</TS>
